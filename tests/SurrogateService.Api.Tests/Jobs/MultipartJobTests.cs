using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using static SurrogateService.Api.Tests.Jobs.JobPolling;
using static SurrogateService.Api.Tests.MultipartEndpointTests;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// The multipart fit (arrays as .npy parts) runs as a job: its result is the route's answer byte for byte, also after a
/// resumption; a retried upload with the same Idempotency-Key finds the same job whatever boundary the client drew; a
/// bad part is a 400 at once.
/// </summary>
public sealed class MultipartJobTests
{
    private const string Route = "/v1/surrogates/fit/multipart";

    internal static HttpRequestMessage AsyncUpload(bool float32 = false, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = Form(FitSettings, ("points", Matrix(Points, float32)), ("values", Npy(Values, float32, Values.Length))),
        };
        request.Headers.Add("Prefer", "respond-async");
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_multipart_fit_job_returns_the_routes_answer_and_a_retry_finds_the_same_job(bool float32)
    {
        using var factory = new JobsFactory();
        var client = factory.CreateClient();
        var accepted = await client.SendAsync(AsyncUpload(float32, idempotencyKey: "upload-1"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("surrogates.fit.multipart", (await accepted.Content.ReadFromJsonAsync<JobResponse>())!.Kind);
        // A new body with another boundary, the same content.
        var retried = await client.SendAsync(AsyncUpload(float32, idempotencyKey: "upload-1"));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(accepted.Headers.Location, retried.Headers.Location);

        var job = await FinishedAsync(client, accepted.Headers.Location!.OriginalString);

        Assert.Equal("succeeded", job.Status);
        var synchronous = await client.PostAsync(Route, Form(FitSettings, ("points", Matrix(Points, float32)), ("values", Npy(Values, float32, Values.Length))));
        Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
        var result = await client.GetAsync(job.Links.Result);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task A_multipart_fit_job_resumed_after_its_search_returns_the_routes_answer()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store));
        var client = factory.CreateClient();
        var location = (await client.SendAsync(AsyncUpload())).Headers.Location!.OriginalString;
        Assert.True(await observed!.WorkUntilCheckpointAsync(factory.Worker, 1));
        Assert.Equal("running", (await JobAsync(client, location)).Status);
        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));

        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(2, observed.Checkpoints);
        var synchronous = await client.PostAsync(Route, Form(FitSettings, ("points", Matrix(Points)), ("values", Npy(Values, false, Values.Length))));
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await client.GetByteArrayAsync(job.Links.Result));
    }

    [Fact]
    public async Task A_bad_part_is_a_400_at_once_and_no_job_is_queued()
    {
        using var factory = new JobsFactory(inProcessWorkers: 0);
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = Form(FitSettings, ("points", Matrix(Points)), ("values", Npy(Values[..29], false, 29))),
        };
        request.Headers.Add("Prefer", "respond-async");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("values", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.QueuedMessages);
    }
}
