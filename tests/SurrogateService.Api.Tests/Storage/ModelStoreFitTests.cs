using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>A fit inside <c>POST /v1/models</c> is heavy work, as on <c>POST /v1/surrogates/fit</c>: a slot of the heavy pool and the heavy timeout.</summary>
public sealed class ModelStoreFitTests(ApiFactory factory) : IClassFixture<ApiFactory>
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
    public async Task A_fit_takes_a_heavy_slot_while_storing_a_document_stays_free()
    {
        await using var limited = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Limits:HeavyConcurrency", "1");
            b.UseSetting("Limits:HeavyQueueLength", "0");
        });
        var client = limited.CreateClient();
        var pool = limited.Services.GetRequiredService<HeavyWorkPool>();
        var document = await StoredModels.FitAsync(client, StoredModels.KrigingFit(seed: 90));
        using var cancel = new CancellationTokenSource();
        var first = client.PostAsJsonAsync("/v1/models", new { fit = SlowFit }, cancel.Token);
        await Condition.WaitUntil(() => pool.InUse == 1, "the fit inside POST /v1/models holds the only slot");

        var second = await client.PostAsJsonAsync("/v1/models", new { fit = SlowFit });
        var stored = await client.PostAsJsonAsync("/v1/models", new { model = document });
        await cancel.CancelAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public void Storing_has_the_heavy_timeout_of_the_fit_route()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? TimeoutPolicy(string pattern) => endpoints
            .Single(e => e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Metadata.GetMetadata<RequestTimeoutAttribute>()?.PolicyName;

        Assert.Equal(SurrogateService.Api.Hosting.HeavyWorkSetup.Policy, TimeoutPolicy("/v1/surrogates/fit"));
        Assert.Equal(TimeoutPolicy("/v1/surrogates/fit"), TimeoutPolicy("/v1/models/"));
    }
}
