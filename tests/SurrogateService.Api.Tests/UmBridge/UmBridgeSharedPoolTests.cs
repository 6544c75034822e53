using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.UmBridge;

/// <summary>The service with one heavy-work slot and one queue place, shared by REST and the UM-Bridge port.</summary>
public sealed class OneSlotOneQueuePlaceFactory : UmBridgeFactory
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Limits:HeavyQueueLength", "1");
}

/// <summary>
/// REST and the UM-Bridge port draw heavy-work slots from one pool: a heavy UM-Bridge model waits for the
/// slot a REST fit holds and runs when it is given back, so the two together never exceed the configured slots.
/// </summary>
public class UmBridgeSharedPoolTests(OneSlotOneQueuePlaceFactory factory) : IClassFixture<OneSlotOneQueuePlaceFactory>
{
    private static readonly object SmallWave = new { steps = 40, nx = 33, ny = 33, lx = 16, ly = 12, receivers = new[] { new[] { 12.0, 6 } } };

    /// <summary>A neural network fit that holds the slot until its request is cancelled.</summary>
    private static object EndlessFit => new
    {
        kind = "neuralNetwork",
        points = Enumerable.Range(0, 200).Select(i => new[] { i / 200.0 }).ToArray(),
        values = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 20.0)).ToArray(),
        lowerBound = new[] { 0.0 },
        upperBound = new[] { 1.0 },
        options = new { epochs = 100_000, hiddenLayers = new[] { 64, 64 } },
    };

    [Fact]
    public async Task A_heavy_UmBridge_model_waits_for_the_slot_a_REST_fit_holds_and_runs_when_it_is_given_back()
    {
        var pool = factory.Services.GetRequiredService<HeavyWorkPool>();
        using var stopFit = new CancellationTokenSource();
        var fit = factory.Rest.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit, stopFit.Token);
        await Condition.WaitUntil(() => pool.InUse == 1, "the REST fit holds the only slot");

        var wave = factory.Protocol.PostAsJsonAsync("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 1.0, 1, 8, 6, 1 } }, config = SmallWave });
        await Condition.WaitUntil(() => pool.Waiting == 1, "the UM-Bridge request waits in the same pool");
        Assert.False(wave.IsCompleted);
        // The queue's one place is taken: a second heavy UM-Bridge request is refused at once.
        var busy = await factory.Protocol.PostAsJsonAsync("/Evaluate", new { name = "acoustic2d", input = new[] { new[] { 1.0, 1, 8, 6, 1 } }, config = SmallWave });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);

        await stopFit.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fit);
        var answer = await wave;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await Condition.WaitUntil(() => pool.InUse == 0, "the slot is given back");
    }
}
