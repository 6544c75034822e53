using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// Heavy work is shared between callers: one caller saturating the slots and the queue does not turn
/// another caller's heavy requests into 429s. Every step waits for the pool's state, not for a time.
/// </summary>
public class FairSharingTests(CallerAddressFactory factory) : IClassFixture<CallerAddressFactory>
{
    private const string CallerA = "192.0.2.10";
    private const string CallerB = "192.0.2.20";

    /// <summary>A neural network fit that runs until its request is cancelled.</summary>
    private static object EndlessFit => new
    {
        kind = "neuralNetwork",
        points = Enumerable.Range(0, 200).Select(i => new[] { i / 200.0 }).ToArray(),
        values = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 20.0)).ToArray(),
        lowerBound = new[] { 0.0 },
        upperBound = new[] { 1.0 },
        options = new { epochs = 100_000, hiddenLayers = new[] { 64, 64 } },
    };

    private static object QuickFit => new
    {
        kind = "kriging",
        points = new[] { new[] { 0.0 }, [0.3], [0.6], [1.0] },
        values = new[] { 0.0, 0.8, 0.2, -0.5 },
        lowerBound = new[] { 0.0 },
        upperBound = new[] { 1.0 },
    };

    [Fact]
    public async Task Caller_B_is_admitted_while_caller_A_saturates_the_slots_and_the_queue_and_A_keeps_its_share()
    {
        using var service = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Limits:HeavyConcurrency", "2");
            builder.UseSetting("Limits:HeavyQueueLength", "2");
        });
        var pool = service.Services.GetRequiredService<HeavyWorkPool>();
        var a = ClientFrom(service, CallerA);
        var b = ClientFrom(service, CallerB);
        string callerA = "address:" + CallerA, callerB = "address:" + CallerB;
        using var stopFirst = new CancellationTokenSource();
        using var stopRest = new CancellationTokenSource();

        // A: two fits holding both slots, then two waiting: the queue is full.
        var first = a.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit, stopFirst.Token);
        var second = a.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit, stopRest.Token);
        await Condition.WaitUntil(() => pool.HeldBy(callerA) == 2, "A holds both slots");
        var third = a.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit, stopRest.Token);
        await Condition.WaitUntil(() => pool.WaitingFor(callerA) == 1, "A's third request waits");
        var fourth = a.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit, stopRest.Token);
        await Condition.WaitUntil(() => pool.WaitingFor(callerA) == 2, "A's fourth request waits");

        // A fifth request of A finds the queue full of A's own: 429.
        var fifth = await a.PostAsJsonAsync("/v1/surrogates/fit", EndlessFit);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);

        // B's request takes the place of A's newest waiter, which is refused instead.
        var fromB = b.PostAsJsonAsync("/v1/surrogates/fit", QuickFit);
        var displaced = await fourth;
        Assert.Equal(HttpStatusCode.TooManyRequests, displaced.StatusCode);
        Assert.NotNull(displaced.Headers.RetryAfter);
        Assert.Equal((1, 1), (pool.WaitingFor(callerA), pool.WaitingFor(callerB)));

        // When one of A's fits ends, the slot goes to B (holding none) before A's older waiter.
        await stopFirst.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var answerB = await fromB;
        Assert.Equal(HttpStatusCode.OK, answerB.StatusCode);

        // A keeps its share: its other fit ran all along, and its waiter gets the slot B gave back.
        await Condition.WaitUntil(() => pool.HeldBy(callerA) == 2 && pool.Waiting == 0, "A holds both slots again");
        Assert.False(second.IsCompleted);
        await stopRest.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        await Condition.WaitUntil(() => pool.InUse == 0, "every slot is given back");
    }

    private static HttpClient ClientFrom(WebApplicationFactory<Program> service, string address)
    {
        var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Add(CallerAddressFactory.Header, address);
        return client;
    }
}
