using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class IntegrateEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>f(x, y) = 1 + 2x − 3y sampled on a 3×3 grid; a linear model reproduces it exactly.</summary>
    private static object LinearFit(string kind, object? options = null) => new
    {
        kind,
        points = new[] { new[] { 0.0, 0 }, [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [2, 0], [2, 1], [2, 2] },
        values = new[] { 1.0, -2, -5, 3, 0, -3, 5, 2, -1 },
        lowerBound = new[] { 0.0, 0 },
        upperBound = new[] { 2.0, 2 },
        options,
    };

    [Fact]
    public async Task Quasi_Monte_Carlo_integral_of_an_exact_linear_model_matches_the_analytic_value()
    {
        // ∫∫ over [0,1]×[0,2] of 1 + 2x − 3y = 2 + 2 − 6 = −2
        var response = await _client.PostAsJsonAsync("/v1/surrogates/integrate",
            new { fit = LinearFit("linear"), lowerBound = new[] { 0.0, 0 }, upperBound = new[] { 1.0, 2 }, seed = 3 });
        var body = await response.Content.ReadFromJsonAsync<IntegrateResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("quasiMonteCarlo", body!.Method);
        Assert.Equal(-2.0, body.Value, 1e-6);
        Assert.True(body.StandardError < 1e-4);
    }

    [Fact]
    public async Task Lobachevsky_integral_is_exact_and_agrees_with_quasi_Monte_Carlo_on_the_same_model()
    {
        var fit = await (await _client.PostAsJsonAsync("/v1/surrogates/fit", LinearFit("lobachevsky", new { alpha = 1.5, n = 4 })))
            .Content.ReadFromJsonAsync<FitResponse>();
        var exact = await (await _client.PostAsJsonAsync("/v1/surrogates/integrate", new { model = fit!.Model }))
            .Content.ReadFromJsonAsync<IntegrateResponse>();
        // The midpoint rule on a fine grid of the model's own predictions is an independent estimate.
        const int k = 200;
        var midpoints = Enumerable.Range(0, k * k).Select(i => new[] { 2.0 * (i / k + 0.5) / k, 2.0 * (i % k + 0.5) / k }).ToArray();
        var predicted = await (await _client.PostAsJsonAsync("/v1/surrogates/predict", new { model = fit.Model, points = midpoints }))
            .Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal("exact", exact!.Method);
        Assert.Equal(0.0, exact.StandardError);
        Assert.Equal(predicted!.Values.Average() * 4, exact.Value, 1e-3);
    }

    [Theory]
    [InlineData("""{"samples":3}""", "samples")]
    [InlineData("""{"seed":-1}""", "seed")]
    [InlineData("""{"lowerBound":[0],"upperBound":[1]}""", "lowerBound")]
    [InlineData("""{"lowerBound":[1,1],"upperBound":[0,2]}""", "lowerBound[0]")]
    public async Task Bad_integration_request_is_a_400_naming_the_field(string extra, string field)
    {
        string fit = System.Text.Json.JsonSerializer.Serialize(LinearFit("linear"));
        string body = "{\"fit\":" + fit + "," + extra.TrimStart('{');
        var response = await _client.PostAsync("/v1/surrogates/integrate", JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }
}
