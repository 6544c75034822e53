using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// <c>POST /v1/models</c> with a fit runs as a job: its result is the route's answer (201 with Location, the same body),
/// the model is stored under the caller once, also when the worker fails after storing it, and a document is stored
/// synchronously whatever the preference.
/// </summary>
public sealed class ModelStoreJobTests
{
    private static readonly string Fit = $$"""{"fit":{{HeavyRouteJobTests.FitBody("kriging", 12)}}}""";

    [Fact]
    public async Task A_fit_stored_as_a_job_answers_as_the_route_would_have_and_stores_the_model()
    {
        using var factory = new JobsFactory();
        var client = factory.CreateClient();
        var accepted = await client.SendAsync(Async("/v1/models", Fit));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("models.store", (await accepted.Content.ReadFromJsonAsync<JobResponse>())!.Kind);

        var job = await FinishedAsync(client, accepted.Headers.Location!.OriginalString);
        Assert.Equal("succeeded", job.Status);
        var result = await client.GetAsync(job.Links.Result);

        // The route's answer on a store that lacks the model: 201, with the model's Location and the same body.
        using var fresh = new JobsFactory(inProcessWorkers: 0);
        var synchronous = await fresh.CreateClient().PostAsync("/v1/models", JsonBody.Of(Fit));
        Assert.Equal(HttpStatusCode.Created, synchronous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal(synchronous.Headers.Location, result.Headers.Location);
        Assert.Equal(synchronous.Content.Headers.ContentType!.MediaType, result.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());

        // Stored under the caller: readable, listed once, and a second store of the same fit finds it (200).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(result.Headers.Location)).StatusCode);
        var again = await client.PostAsync("/v1/models", JsonBody.Of(Fit));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await result.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        Assert.Single((await client.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models);
    }

    [Fact]
    public async Task A_worker_that_fails_after_storing_the_model_leaves_one_model_and_the_next_attempt_still_answers_201()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store));
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/models", Fit))).Headers.Location!.OriginalString;
        int results = 0;
        observed!.BeforeResult = () =>
        {
            if (++results == 1)
                throw new JobStorageUnavailableException("The test cut the storage off after the model was stored.");
        };

        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        var failed = await JobAsync(client, location);
        Assert.Equal("running", failed.Status);
        var stored = (await client.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models;
        Assert.Single(stored);

        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(2, job.Attempts);
        var result = await client.GetAsync(job.Links.Result);
        // The first attempt found the model new before storing it; the second answers from that checkpoint, not from the store it finds full.
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal("/v1/models/" + stored[0].Id, result.Headers.Location!.OriginalString);
        Assert.Equal(stored, (await client.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models);
        Assert.Equal(0, factory.QueuedMessages);
    }

    [Fact]
    public async Task A_model_the_caller_had_already_is_answered_200_by_the_job_as_by_the_route()
    {
        using var factory = new JobsFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1/models", JsonBody.Of(Fit))).StatusCode);

        var job = await FinishedAsync(client, (await client.SendAsync(Async("/v1/models", Fit))).Headers.Location!.OriginalString);

        var result = await client.GetAsync(job.Links.Result);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.NotNull(result.Headers.Location);
        Assert.Single((await client.GetFromJsonAsync<StoredModelList>("/v1/models"))!.Models);
    }

    [Fact]
    public async Task A_document_with_respond_async_is_stored_at_once_and_a_bad_fit_is_a_400_at_once()
    {
        using var factory = new JobsFactory(inProcessWorkers: 0);
        var client = factory.CreateClient();
        var fitted = await client.PostAsync("/v1/surrogates/fit", JsonBody.Of(HeavyRouteJobTests.FitBody("radialBasis", 12)));
        var document = new JsonObject { ["model"] = JsonNode.Parse(await fitted.Content.ReadAsStringAsync())!["model"]!.DeepClone() }.ToJsonString();

        var stored = await client.SendAsync(Async("/v1/models", document));
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.False(stored.Headers.Contains("Preference-Applied"));

        var bad = await client.SendAsync(Async("/v1/models", """{"fit":{"kind":"kriging","points":[[0],[1]],"values":[1]}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var both = await client.SendAsync(Async("/v1/models", document[..^1] + "," + Fit[1..]));
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("\"model\"", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.QueuedMessages);
    }
}
