using System.Net;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// Jobs on Azure Storage as Azurite emulates it: records in Table storage, documents in Blob storage,
/// the queue in Queue storage — the same behaviour as the folder store, and what happens when the
/// account goes away at submission or in the middle of a job.
/// </summary>
public sealed class AzureJobStorageTests : IAsyncLifetime
{
    private const string Run = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"dycors","maxEvaluations":40,"batchSize":2,"seed":9}""";

    private readonly Azurite _azurite = Azurite.WithQueuesAndTables();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task A_job_on_azure_storage_resumes_after_an_abandoned_attempt_and_returns_the_synchronous_response()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store), connectionString: _azurite.ConnectionString);
        var client = factory.CreateClient();
        Assert.IsType<Api.Jobs.Azure.AzureJobStore>(((ObservedStore)factory.Store).Inner);

        var location = (await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "azure-1"))).Headers.Location!.OriginalString;
        Assert.Equal(location, (await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "azure-1"))).Headers.Location!.OriginalString);
        Assert.True(await observed!.WorkUntilCheckpointAsync(factory.Worker, 5));
        Assert.Equal("running", (await JobAsync(client, location)).Status);
        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));

        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(2, job.Attempts);
        var synchronous = await client.PostAsync("/v1/optimization/runs", JsonBody.Of(Run));
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await client.GetByteArrayAsync(job.Links.Result));
        Assert.Equal(40, (await client.GetStringAsync(location + "/events")).Count(c => c == '\n'));
        Assert.False(await factory.Worker.ProcessNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_model_store_job_on_azure_storage_stores_the_model_and_its_result_keeps_the_models_location()
    {
        using var factory = new JobsFactory(connectionString: _azurite.ConnectionString);
        var client = factory.CreateClient();
        string fit = $$"""{"fit":{{HeavyRouteJobTests.FitBody("kriging", 12)}}}""";

        var job = await FinishedAsync(client, (await client.SendAsync(Async("/v1/models", fit))).Headers.Location!.OriginalString);

        var result = await client.GetAsync(job.Links.Result);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.StartsWith("/v1/models/", result.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(result.Headers.Location)).StatusCode);
        var again = await client.PostAsync("/v1/models", JsonBody.Of(fit));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await again.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_multipart_fit_job_streams_its_upload_through_blob_storage_and_returns_the_routes_answer()
    {
        using var factory = new JobsFactory(connectionString: _azurite.ConnectionString);
        var client = factory.CreateClient();

        var job = await FinishedAsync(client, (await client.SendAsync(MultipartJobTests.AsyncUpload())).Headers.Location!.OriginalString);

        Assert.Equal("succeeded", job.Status);
        var synchronous = await client.PostAsync("/v1/surrogates/fit/multipart", MultipartEndpointTests.Form(MultipartEndpointTests.FitSettings,
            ("points", MultipartEndpointTests.Matrix(MultipartEndpointTests.Points)),
            ("values", MultipartEndpointTests.Npy(MultipartEndpointTests.Values, false, MultipartEndpointTests.Values.Length))));
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await client.GetByteArrayAsync(job.Links.Result));
    }

    [Fact]
    public async Task With_the_account_unreachable_a_submission_is_503_and_no_job_exists_when_it_is_back()
    {
        using var factory = new JobsFactory(inProcessWorkers: 0, connectionString: _azurite.ConnectionString);
        var client = factory.CreateClient();
        await _azurite.StopAsync();

        var refused = await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "azure-2"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        await _azurite.StartAgainAsync();
        var owner = JobOwner.KeyOf(new System.Security.Claims.ClaimsPrincipal(), authenticationDisabled: true)!;
        Assert.Null(await factory.Store.FindAsync(owner, JobIds.ForIdempotencyKey(owner, "azure-2"), CancellationToken.None));
        Assert.False(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "azure-2"))).StatusCode);
    }

    [Fact]
    public async Task A_job_completes_when_the_account_comes_back_after_going_away_in_the_middle()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(decorateStore: store => observed = new ObservedStore(store), connectionString: _azurite.ConnectionString);
        var client = factory.CreateClient();
        const string Longer = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":150,"seed":4}""";
        var location = (await client.SendAsync(Async("/v1/optimization/runs", Longer))).Headers.Location!.OriginalString;
        await UntilAsync(async () => (await JobAsync(client, location)).Events >= 30, "the job to be under way");

        await _azurite.StopAsync();
        await UntilAsync(() => Task.FromResult(observed!.Failures > 0), "the worker to meet the missing account");
        await _azurite.StartAgainAsync();
        var job = await FinishedAsync(client, location);

        Assert.Equal("succeeded", job.Status);
        Assert.True(job.Attempts >= 2, $"{job.Attempts} attempt(s)");
        var synchronous = await client.PostAsync("/v1/optimization/runs", JsonBody.Of(Longer));
        Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await client.GetByteArrayAsync(job.Links.Result));
    }
}
