using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Sobol' indices through HTTP on a linear model, whose indices are known exactly.</summary>
public class SensitivityEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // y = 2·x1 + x2 on [0, 1] × [0, 2]: variance shares a²w² = 4 and 4, so both indices are 0.5;
    // x3 on [0, 1] does not enter, so its indices are 0.
    private static JsonObject LinearFit() => new()
    {
        ["kind"] = "linear",
        ["points"] = JsonNode.Parse("[[0,0,0],[1,0,0.5],[0,2,1],[1,2,0.2],[0.5,1,0.7],[0.2,1.5,0.9]]"),
        ["values"] = JsonNode.Parse("[0,2,2,4,2,1.9]"),
        ["lowerBound"] = JsonNode.Parse("[0,0,0]"),
        ["upperBound"] = JsonNode.Parse("[1,2,1]"),
    };

    [Fact]
    public async Task A_linear_model_splits_its_variance_by_squared_coefficient_times_squared_width()
    {
        var response = await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { fit = LinearFit(), samples = 2048, seed = 4 });
        var body = await response.Content.ReadFromJsonAsync<SobolResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        double[] expected = [0.5, 0.5, 0];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], body!.FirstOrder[i], 0.02);
            Assert.Equal(expected[i], body.Total[i], 0.02);
            Assert.InRange(body.FirstOrder[i], body.FirstOrderInterval[i][0], body.FirstOrderInterval[i][1]);
            Assert.InRange(body.Total[i], body.TotalInterval[i][0], body.TotalInterval[i][1]);
        }
        Assert.Equal(2048 * 5, body!.Evaluations);
    }

    [Fact]
    public async Task A_model_document_gives_the_same_indices_as_its_fit_request()
    {
        var fit = await (await _client.PostAsJsonAsync("/v1/surrogates/fit", LinearFit())).Content.ReadFromJsonAsync<FitResponse>();
        var fromModel = await (await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { model = fit!.Model, samples = 256, seed = 9 }))
            .Content.ReadFromJsonAsync<SobolResponse>();
        var fromFit = await (await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { fit = LinearFit(), samples = 256, seed = 9 }))
            .Content.ReadFromJsonAsync<SobolResponse>();

        Assert.Equal(fromFit!.Total, fromModel!.Total);
        Assert.Equal(fromFit.FirstOrderInterval.SelectMany(i => i), fromModel.FirstOrderInterval.SelectMany(i => i));
    }

    [Fact]
    public async Task A_polynomial_chaos_model_gives_its_indices_from_the_coefficients_without_sampling()
    {
        // y = x1² + x2 on [0, 1]²: mean 1/3 + 1/2, variances 4/45 (x1²) and 1/12 (x2), no interaction.
        var points = Enumerable.Range(0, 30).Select(i => new[] { (0.5 + i * 0.7548776662) % 1, (0.5 + i * 0.5698402910) % 1 }).ToArray();
        var fit = new
        {
            kind = "polynomialChaos",
            points,
            values = points.Select(p => p[0] * p[0] + p[1]).ToArray(),
            lowerBound = new[] { 0.0, 0.0 },
            upperBound = new[] { 1.0, 1.0 },
        };
        var response = await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { fit });
        var body = await response.Content.ReadFromJsonAsync<SobolResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("polynomialChaos", body!.Method);
        Assert.Equal(0, body.Evaluations);
        double v1 = 4.0 / 45, v2 = 1.0 / 12;
        Assert.Equal(v1 / (v1 + v2), body.FirstOrder[0], 1e-9);
        Assert.Equal(v2 / (v1 + v2), body.Total[1], 1e-9);
        Assert.Equal(1.0 / 3 + 0.5, body.Mean!.Value, 1e-9);
        Assert.Equal(v1 + v2, body.Variance!.Value, 1e-9);
        Assert.Equal(body.FirstOrder[0], body.FirstOrderInterval[0][1]);
    }

    [Fact]
    public async Task A_tampered_polynomial_chaos_document_is_a_400_naming_its_multi_indices()
    {
        var points = Enumerable.Range(0, 20).Select(i => new[] { (0.5 + i * 0.7548776662) % 1, (0.5 + i * 0.5698402910) % 1 }).ToArray();
        var fit = await (await _client.PostAsJsonAsync("/v1/surrogates/fit", new
        {
            kind = "polynomialChaos",
            points,
            values = points.Select(p => Math.Exp(p[0]) * p[1]).ToArray(),
            lowerBound = new[] { 0.0, 0.0 },
            upperBound = new[] { 1.0, 1.0 },
        })).Content.ReadFromJsonAsync<FitResponse>();
        var parameters = new Dictionary<string, double[]>(fit!.Model.Parameters!);
        parameters["multiIndices"] = [.. parameters["multiIndices"].Select((v, e) => e == 2 ? 0.5 : v)];

        var response = await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { model = fit.Model with { Parameters = parameters } });
        await ProblemAssert.IsValidationProblemAsync(response, "model.parameters.multiIndices");
    }

    [Fact]
    public async Task Sampled_indices_say_so_and_carry_no_exact_moments()
    {
        var body = await (await _client.PostAsJsonAsync("/v1/sensitivity/sobol", new { fit = LinearFit(), samples = 64 }))
            .Content.ReadFromJsonAsync<SobolResponse>();
        Assert.Equal("saltelli", body!.Method);
        Assert.Null(body.Mean);
        Assert.Null(body.Variance);
    }

    [Theory]
    [InlineData("{}", "model")]
    [InlineData("""{"samples":8}""", "samples")]
    [InlineData("""{"samples":70000}""", "samples")]
    [InlineData("""{"bootstrap":0}""", "bootstrap")]
    [InlineData("""{"bootstrap":1001}""", "bootstrap")]
    [InlineData("""{"confidenceLevel":1}""", "confidenceLevel")]
    [InlineData("""{"confidenceLevel":0}""", "confidenceLevel")]
    [InlineData("""{"seed":-2}""", "seed")]
    [InlineData("""{"fit":{"kind":"spline"}}""", "fit.kind")]
    [InlineData("""{"fit":{"kind":"polynomialChaos","options":{"maxDegree":31}}}""", "fit.options.maxDegree")]
    [InlineData("""{"fit":{"kind":"polynomialChaos","options":{"qNorm":0}}}""", "fit.options.qNorm")]
    public async Task Every_bad_input_is_a_400_naming_the_field(string overrides, string field)
    {
        var body = new JsonObject { ["fit"] = LinearFit() };
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
            body[name] = value?.DeepClone();
        if (overrides == "{}")
            body.Remove("fit");
        var response = await _client.PostAsync("/v1/sensitivity/sobol", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }
}
