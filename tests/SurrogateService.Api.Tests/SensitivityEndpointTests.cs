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
