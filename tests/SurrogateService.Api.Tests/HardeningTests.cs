using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class HardeningTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>A neural network fit that holds the only heavy slot until its request is cancelled.</summary>
    private static object SlowFit => new
    {
        kind = "neuralNetwork",
        points = Enumerable.Range(0, 200).Select(i => new[] { i / 200.0 }).ToArray(),
        values = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 20.0)).ToArray(),
        lowerBound = new[] { 0.0 },
        upperBound = new[] { 1.0 },
        options = new { epochs = 100000, hiddenLayers = new[] { 64, 64 } },
    };

    [Fact]
    public async Task Heavy_work_past_the_limiter_is_429_with_retry_after_while_light_work_still_flows()
    {
        using var limited = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Limits:HeavyConcurrency", "1");
            b.UseSetting("Limits:HeavyQueueLength", "0");
        });
        var client = limited.CreateClient();
        var pool = limited.Services.GetRequiredService<HeavyWorkPool>();
        using var cancel = new CancellationTokenSource();
        var first = client.PostAsJsonAsync("/v1/surrogates/fit", SlowFit, cancel.Token);
        await Condition.WaitUntil(() => pool.InUse == 1, "the first fit holds the only slot");

        var second = await client.PostAsJsonAsync("/v1/surrogates/fit", SlowFit);
        var light = await client.PostAsync("/v1/functions/branin/evaluate", JsonBody.Of("""{"points":[[0,0]]}"""));
        await cancel.CancelAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, light.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task A_fit_inside_predict_takes_a_heavy_slot_while_predicting_from_a_document_stays_free()
    {
        using var limited = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Limits:HeavyConcurrency", "1");
            b.UseSetting("Limits:HeavyQueueLength", "0");
        });
        var client = limited.CreateClient();
        var pool = limited.Services.GetRequiredService<HeavyWorkPool>();
        var document = (await (await client.PostAsJsonAsync("/v1/surrogates/fit", new
        {
            kind = "inverseDistance", points = new[] { new[] { 0.0 }, [1.0] }, values = new[] { 0.0, 1.0 },
            lowerBound = new[] { 0.0 }, upperBound = new[] { 1.0 },
        })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["model"];
        using var cancel = new CancellationTokenSource();
        var first = client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = SlowFit, points = new[] { new[] { 0.5 } } }, cancel.Token);
        await Condition.WaitUntil(() => pool.InUse == 1, "the fit inside predict holds the only slot");

        var second = await client.PostAsJsonAsync("/v1/surrogates/integrate", new { fit = SlowFit });
        var fromDocument = await client.PostAsJsonAsync("/v1/surrogates/predict", new { model = document, points = new[] { new[] { 0.5 } } });
        await cancel.CancelAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, fromDocument.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxRequestBodyBytes", "2048"));
        string body = "{\"points\":[" + string.Join(',', Enumerable.Repeat("[1.5,2.5]", 1000)) + "]}";

        var response = await limited.CreateClient().PostAsync("/v1/functions/branin/evaluate", JsonBody.Of(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/v1/functions");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
