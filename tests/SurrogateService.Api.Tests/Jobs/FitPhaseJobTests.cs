using System.Net;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// A fit of one kind (Kriging) checkpoints after its hyperparameter search: a resumed job takes the stored search instead
/// of searching again (ResumptionTests shows its result is the route's, bit for bit), and a cancellation takes effect there.
/// </summary>
public sealed class FitPhaseJobTests
{
    private static readonly string Kriging = HeavyRouteJobTests.FitBody("kriging", 14);

    [Fact]
    public async Task A_resumed_kriging_fit_does_not_search_again()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store));
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/surrogates/fit", Kriging))).Headers.Location!.OriginalString;
        Assert.True(await observed!.WorkUntilCheckpointAsync(factory.Worker, 1));
        Assert.Equal(1, observed.Checkpoints);

        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));

        var job = await JobAsync(client, location);
        Assert.Equal("succeeded", job.Status);
        // With every checkpoint stored (the tests' interval is 0), a second search would have stored one more: B stored only its final lines.
        Assert.Equal(2, observed.Checkpoints);
        Assert.Equal(2, job.Events);
    }

    [Fact]
    public async Task A_kriging_fit_cancelled_during_its_search_stops_after_it()
    {
        ObservedStore? observed = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateStore: store => observed = new ObservedStore(store));
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/surrogates/fit", Kriging))).Headers.Location!.OriginalString;
        // The DELETE lands while the checkpoint after the search is being stored, as it would during the search.
        observed!.OnCheckpoint = _ => Assert.Equal(HttpStatusCode.OK, client.DeleteAsync(location).GetAwaiter().GetResult().StatusCode);

        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));

        var job = await JobAsync(client, location);
        Assert.Equal("cancelled", job.Status);
        Assert.Null(job.Links.Result);
        // Only the "fitting" line: the fit stopped before the model was built.
        Assert.Equal(1, (await client.GetStringAsync(location + "/events")).Count(c => c == '\n'));
        Assert.Equal(0, factory.QueuedMessages);
    }
}
