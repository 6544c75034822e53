using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// Every kind of job resumes from its last checkpoint: worker A stops right after a checkpoint (as a replica does on
/// SIGTERM; bench/jobs_kill.sh kills workers with SIGKILL), worker B takes the job up from there, and the result
/// equals the synchronous route's answer byte for byte, with the events the route would stream.
/// </summary>
public sealed class ResumptionTests
{
    public static TheoryData<string, string, int> Jobs => new()
    {
        // Runs: single- and multi-objective, noisy, batched; a checkpoint after every round.
        { "/v1/optimization/runs", """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"ei","maxEvaluations":24,"seed":3}""", 4 },
        { "/v1/optimization/runs", """{"function":"hartmann3","initialSamples":{"method":"sobol","count":8},"strategy":"dycors","maxEvaluations":60,"batchSize":3,"seed":8,"noise":0.05}""", 9 },
        { "/v1/optimization/runs", """{"function":"zdt1","dimension":3,"strategy":"ehvi","initialSamples":{"method":"sobol","count":8},"maxEvaluations":16,"batchSize":2,"seed":2,"noise":0.01}""", 3 },
        { "/v1/optimization/runs", """{"function":"zdt2","dimension":3,"strategy":"parego","initialSamples":{"count":8},"maxEvaluations":14,"seed":1}""", 4 },
        // Sobol' on a fitted radial basis in 3-D: five blocks (A, B, three mixed), each a checkpoint.
        { "/v1/sensitivity/sobol", $$"""{"fit":{{HeavyRouteJobTests.FitBody("radialBasis", 20)}},"samples":512,"bootstrap":40,"seed":4}""", 2 },
        { "/v1/sensitivity/sobol", $$"""{"fit":{{HeavyRouteJobTests.FitBody("radialBasis", 20)}},"samples":512,"bootstrap":40,"seed":4}""", 5 },
        // auto: a checkpoint after every candidate; after three, the best so far (one of Kriging and the radial bases) is refitted.
        { "/v1/surrogates/fit", HeavyRouteJobTests.FitBody("auto", 14), 3 },
        { "/v1/surrogates/fit", HeavyRouteJobTests.FitBody("auto", 14), 7 },
        // One kind: Kriging checkpoints its hyperparameter search (θ, and the noise when fitted); the resumed fit skips it.
        { "/v1/surrogates/fit", HeavyRouteJobTests.FitBody("kriging", 14), 1 },
        { "/v1/surrogates/fit", WithOptions(HeavyRouteJobTests.FitBody("kriging", 14), """{"noise":"fit"}"""), 1 },
        { "/v1/surrogates/fit", WithOptions(HeavyRouteJobTests.FitBody("kriging", 30), """{"approximation":"nearestNeighbour","neighbours":6}"""), 1 },
    };

    private static string WithOptions(string fit, string options) => fit[..^1] + $$""","options":{{options}}}""";

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task A_job_resumed_after_its_worker_stopped_ends_bit_for_bit_as_the_synchronous_answer(string route, string body, int abandonAfterCheckpoints)
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store));
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async(route, body))).Headers.Location!.OriginalString;
        var worker = factory.Worker;

        Assert.True(await observed!.WorkUntilCheckpointAsync(worker, abandonAfterCheckpoints));
        var abandoned = await JobAsync(client, location);
        Assert.Equal("running", abandoned.Status);
        // The stored checkpoint's lines (the record may not have counted them: A stopped right after writing it).
        int abandonedEvents = (await client.GetStringAsync(location + "/events")).Count(c => c == '\n');
        Assert.True(abandonedEvents > 0);

        int? firstOfB = null;
        observed.OnCheckpoint = _ => firstOfB ??= client.GetStringAsync(location + "/events").GetAwaiter().GetResult().Count(c => c == '\n');
        Assert.True(await worker.ProcessNextAsync(CancellationToken.None));
        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.True(firstOfB > abandonedEvents, $"B's first checkpoint held {firstOfB} events, A had {abandonedEvents}");

        var synchronous = await client.PostAsync(route, JsonBody.Of(body));
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await client.GetByteArrayAsync(job.Links.Result));
        var stream = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonBody.Of(body) };
        stream.Headers.Accept.ParseAdd("application/x-ndjson");
        var streamed = (await (await client.SendAsync(stream)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(streamed[..^1], (await client.GetStringAsync(location + "/events")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, factory.QueuedMessages);
    }

    [Theory]
    [InlineData("", 2)]
    [InlineData(""","format":"gif" """, 1)]
    [InlineData(""","format":"npy" """, 3)]
    [InlineData(""","receivers":[[3,4],[20,9]]""", 2)]
    public async Task A_wave_job_resumed_from_a_checkpoint_between_frames_returns_what_the_route_streams(string extra, int abandonAfterCheckpoints)
    {
        // 30 steps, a frame every 10, a checkpoint every 7 steps: at 7, 14, 21 and 28, between frames.
        string run = $$"""{"nx":23,"ny":41,"lx":30,"ly":16,"bulkModulus":2,"density":0.5,"steps":30,"snapshotEvery":10,"cflFactor":3,"pulse":{"centre":[12,7],"width":2.5}{{extra}}}""";
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store),
            settings: new Dictionary<string, string> { ["Jobs:WaveCheckpointSteps"] = "7" });
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/simulations/acoustic2d", run))).Headers.Location!.OriginalString;

        Assert.True(await observed!.WorkUntilCheckpointAsync(factory.Worker, abandonAfterCheckpoints));
        Assert.Equal("running", (await JobAsync(client, location)).Status);
        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));

        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(2, job.Attempts);
        // B went on from A's last checkpoint: it wrote only the checkpoints after it.
        Assert.Equal(4, observed.Checkpoints);
        var synchronous = await client.PostAsync("/v1/simulations/acoustic2d", JsonBody.Of(run));
        var result = await client.GetAsync(job.Links.Result);
        Assert.Equal(synchronous.Content.Headers.ContentType!.MediaType, result.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
    }
}
