using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Kriging's nearest-neighbour approximation through HTTP: the limits per approximation, its options' 400s and its documents.</summary>
public class NearestNeighbourEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>n points of a smooth 2-D function on a jittered grid (distinct), in [0, 1]².</summary>
    private static JsonObject Fit(int n, object? options)
    {
        var points = new JsonArray();
        var values = new JsonArray();
        int side = (int)Math.Ceiling(Math.Sqrt(n));
        for (int i = 0; i < n; i++)
        {
            double x = (i % side + 0.5 + 0.3 * Math.Sin(7.1 * i)) / side, y = (i / side + 0.5 + 0.3 * Math.Cos(3.7 * i)) / side;
            points.Add(new JsonArray(x, y));
            values.Add(Math.Sin(5 * x) * Math.Cos(3 * y) + x * y);
        }
        return new JsonObject
        {
            ["kind"] = "kriging",
            ["points"] = points,
            ["values"] = values,
            ["lowerBound"] = new JsonArray(0.0, 0.0),
            ["upperBound"] = new JsonArray(1.0, 1.0),
            ["options"] = options is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(options)),
        };
    }

    [Fact]
    public async Task Above_the_exact_limit_auto_fits_by_nearest_neighbours_and_its_document_predicts_the_same_bits()
    {
        // The fit inside the predict request is timed by the service; the timeouts are raised to their most because
        // this test is about documents, and a loaded machine must not turn it into a 504.
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxExactTrainingPoints", "100")
            .UseSetting("Limits:LightRequestTimeoutSeconds", "230").UseSetting("Limits:HeavyRequestTimeoutSeconds", "230"));
        var client = limited.CreateClient();
        var points = new[] { new[] { 0.123, 0.456 }, [0.9, 0.1], [0.5, 0.5] };
        var response = await client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = Fit(150, new { kernel = "matern52", restarts = 2, trend = "auto" }), points, includeStandardError = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fitted = await response.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal("nearestNeighbour", fitted!.Model!.Options!.Value.GetProperty("approximation").GetString());
        // trend 'auto' is recorded as what it chose: the polynomial, for nearest-neighbour fits, and the constant for exact ones.
        Assert.Equal("polynomial", fitted.Model.Options!.Value.GetProperty("trend").GetString());
        Assert.NotNull(fitted.Diagnostics!.Trend);
        Assert.Contains("Vecchia", fitted.Diagnostics!.Approximation, StringComparison.Ordinal);
        Assert.NotNull(fitted.Diagnostics.LeaveOneOutStandardisedSpread);
        for (int k = 0; k < points.Length; k++)
        {
            double truth = Math.Sin(5 * points[k][0]) * Math.Cos(3 * points[k][1]) + points[k][0] * points[k][1];
            Assert.True(Math.Abs(fitted.Values[k] - truth) < 0.01, $"prediction {fitted.Values[k]} at point {k}, truth {truth}");
        }

        var fromDocument = await client.PostAsJsonAsync("/v1/surrogates/predict", new { model = fitted.Model, points, includeStandardError = true });
        var restored = await fromDocument.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal(HttpStatusCode.OK, fromDocument.StatusCode);
        Assert.Equal(fitted.Values, restored!.Values);
        Assert.Equal(fitted.StandardErrors, restored.StandardErrors);

        var small = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(100, new { restarts = 2, trend = "auto" }));
        var exact = await small.Content.ReadFromJsonAsync<FitResponse>();
        Assert.Equal("exact", exact!.Model.Options!.Value.GetProperty("approximation").GetString());
        Assert.Equal("constant", exact.Model.Options!.Value.GetProperty("trend").GetString());
        Assert.Null(exact.Diagnostics.Approximation);
    }

    [Fact]
    public void The_limit_s_former_name_stops_the_start_instead_of_being_ignored()
    {
        // Limits:MaxTrainingPoints was renamed MaxExactTrainingPoints; a configuration still using the old
        // name would otherwise run silently with the default.
        using var renamed = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxTrainingPoints", "4000"));
        var error = Assert.ThrowsAny<InvalidOperationException>(() => renamed.CreateClient());
        Assert.Contains("MaxTrainingPoints", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_approximation_has_its_own_limit_of_training_points()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxExactTrainingPoints", "50").UseSetting("Limits:MaxNearestNeighbourTrainingPoints", "80"));
        var client = limited.CreateClient();
        var exact = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(60, new { approximation = "exact" }));
        Assert.Contains("nearestNeighbour", await ProblemAssert.ErrorMessageAsync(exact, "points"), StringComparison.Ordinal);
        var nearest = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(81, new { approximation = "nearestNeighbour" }));
        Assert.Contains("80", await ProblemAssert.ErrorMessageAsync(nearest, "points"), StringComparison.Ordinal);
        var otherKind = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(60, null).Also(f => f["kind"] = "radialBasis"));
        await ProblemAssert.IsValidationProblemAsync(otherKind, "points");
        var fine = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(70, new { approximation = "nearestNeighbour", neighbours = 10, restarts = 2 }));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [InlineData("{\"approximation\": \"vecchia\"}", "options.approximation")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"neighbours\": 0}", "options.neighbours")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"neighbours\": 41}", "options.neighbours")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"neighbours\": 20, \"predictionNeighbours\": 10}", "options.predictionNeighbours")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"fitP\": true}", "options.fitP")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"trend\": \"cubic\"}", "options.trend")]
    [InlineData("{\"approximation\": \"exact\", \"trend\": \"polynomial\"}", "options.trend")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"trend\": \"polynomial\", \"trendDegree\": 11}", "options.trendDegree")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"trend\": \"polynomial\", \"trendDegree\": 3}", "options.trendDegree")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"trend\": \"constant\", \"trendDegree\": 1}", "options.trendDegree")]
    [InlineData("{\"approximation\": \"exact\", \"trendDegree\": 1}", "options.trendDegree")]
    [InlineData("{\"trendQNorm\": 0.5}", "options.trendQNorm")]
    [InlineData("{\"approximation\": \"nearestNeighbour\", \"trend\": \"polynomial\", \"trendQNorm\": 0}", "options.trendQNorm")]
    public async Task Bad_approximation_options_are_a_400_naming_the_field(string options, string field)
    {
        var body = Fit(40, null);
        body["options"] = JsonNode.Parse(options);
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", body);
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }
}

/// <summary>
/// Model documents written before trend 'auto' became the default: <c>Fixtures/nearest-neighbour-constant-trend-document.json</c>
/// is a nearest-neighbour document (fitted noise, m = 10) and its predictions with standard errors, both produced by the service
/// as it was then, when the trend defaulted to the constant.
/// </summary>
public class NearestNeighbourLegacyDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("recorded")]
    [InlineData("missing")]
    [InlineData("auto")]
    public async Task A_document_written_before_the_automatic_trend_predicts_the_same_bits_as_it_did(string trend)
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nearest-neighbour-constant-trend-document.json")))!;
        var model = fixture["model"]!.DeepClone().AsObject();
        var options = model["options"]!.AsObject();
        Assert.Equal("constant", options["trend"]!.GetValue<string>());
        switch (trend)
        {
            case "missing":
                // Older still: before the trend options existed.
                options.Remove("trend");
                options.Remove("trendDegree");
                options.Remove("trendQNorm");
                break;
            case "auto":
                options["trend"] = "auto";
                break;
        }
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", new JsonObject { ["model"] = model, ["points"] = fixture["points"]!.DeepClone(), ["includeStandardError"] = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predicted = await response.Content.ReadFromJsonAsync<PredictResponse>();
        Assert.Equal(fixture["values"]!.AsArray().Select(v => v!.GetValue<double>()), predicted!.Values);
        Assert.Equal(fixture["standardErrors"]!.AsArray().Select(v => v!.GetValue<double>()), predicted.StandardErrors!);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
