using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>The in-process worker computes in a slot of the heavy-work pool, shared with the synchronous heavy requests.</summary>
public sealed class HeavyWorkSlotTests
{
    private const string Run = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":20,"seed":2}""";

    [Fact]
    public async Task A_job_stays_queued_while_every_slot_is_taken_and_runs_in_one_when_it_frees()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(decorateStore: store => observed = new ObservedStore(store),
            settings: new Dictionary<string, string> { ["Limits:HeavyConcurrency"] = "1" });
        var client = factory.CreateClient();
        var pool = factory.Services.GetRequiredService<HeavyWorkPool>();
        var synchronousRequest = pool.TryAcquire("address:192.0.2.9")!;

        // Submitting takes no slot: the 202 comes while the only one is held.
        var location = (await client.SendAsync(Async("/v1/optimization/runs", Run))).Headers.Location!.OriginalString;
        string job = JobSlots.CallerOf(Directory.GetDirectories(factory.RecordsFolder).Select(Path.GetFileName).Single()!);
        await UntilAsync(() => Task.FromResult(pool.WaitingFor(job) == 1), "the job to wait for the slot");
        Assert.Equal("queued", (await JobAsync(client, location)).Status);

        int? heldByJob = null;
        observed!.OnCheckpoint = _ => heldByJob ??= pool.HeldBy(job);
        synchronousRequest.Dispose();
        var finished = await FinishedAsync(client, location);

        Assert.Equal("succeeded", finished.Status);
        Assert.Equal(1, heldByJob);
        await UntilAsync(() => Task.FromResult(pool.InUse == 0), "the job to give its slot back");
    }

    [Fact]
    public async Task While_a_job_computes_in_the_only_slot_a_synchronous_heavy_request_finds_none()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(decorateStore: store => observed = new ObservedStore(store),
            settings: new Dictionary<string, string> { ["Limits:HeavyConcurrency"] = "1", ["Limits:HeavyQueueLength"] = "0" });
        var client = factory.CreateClient();
        HttpStatusCode? whileComputing = null;
        // Asked from inside the job's first checkpoint, i.e. while the job holds its slot.
        observed!.OnCheckpoint = _ => whileComputing ??= client.PostAsync("/v1/optimization/runs", JsonBody.Of(Run)).GetAwaiter().GetResult().StatusCode;

        var location = (await client.SendAsync(Async("/v1/optimization/runs", Run))).Headers.Location!.OriginalString;
        var finished = await FinishedAsync(client, location);

        Assert.Equal("succeeded", finished.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, whileComputing);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/optimization/runs", JsonBody.Of(Run))).StatusCode);
    }
}
