using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Low-fidelity data through HTTP: co-Kriging fits, documents that carry both levels, and the 400s of bad low-fidelity data.</summary>
public class CoKrigingEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static double High(double x) => (6 * x - 2) * (6 * x - 2) * Math.Sin(12 * x - 4);

    private static JsonObject Fit(double[][] lowPoints, string kind = "kriging")
    {
        double[] highX = [0, 0.4, 0.6, 1];
        return new JsonObject
        {
            ["kind"] = kind,
            ["points"] = new JsonArray(highX.Select(x => (JsonNode)new JsonArray(x)).ToArray()),
            ["values"] = new JsonArray(highX.Select(x => (JsonNode)High(x)).ToArray()),
            ["lowerBound"] = new JsonArray(0.0),
            ["upperBound"] = new JsonArray(1.0),
            ["lowFidelity"] = new JsonObject
            {
                ["points"] = new JsonArray(lowPoints.Select(p => (JsonNode)new JsonArray(p.Select(v => (JsonNode)v).ToArray())).ToArray()),
                ["values"] = new JsonArray(lowPoints.Select(p => (JsonNode)(0.5 * High(p[0]) + 10 * (p[0] - 0.5) - 5)).ToArray()),
            },
        };
    }

    private static double[][] ElevenLow => Enumerable.Range(0, 11).Select(i => new[] { i / 10.0 }).ToArray();

    [Fact]
    public async Task A_co_kriging_document_carries_both_levels_and_predicts_as_fit_and_predict()
    {
        var fitResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(ElevenLow));
        Assert.Equal(HttpStatusCode.OK, fitResponse.StatusCode);
        var fitted = (await fitResponse.Content.ReadFromJsonAsync<FitResponse>())!;
        Assert.Equal(11, fitted.Model.LowFidelity!.Points!.Length);
        Assert.Contains("rho", fitted.Model.Parameters!.Keys);

        var points = Enumerable.Range(0, 21).Select(i => new[] { i / 20.0 }).ToArray();
        var fromDocument = await PredictAsync(new { model = fitted.Model, points, includeStandardError = true });
        var fromFit = await PredictAsync(new { fit = Fit(ElevenLow), points, includeStandardError = true });
        Assert.Equal(fromFit.Values, fromDocument.Values);
        Assert.Equal(fromFit.StandardErrors, fromDocument.StandardErrors);
        double rmse = Math.Sqrt(points.Select((p, k) => Math.Pow(fromFit.Values[k] - High(p[0]), 2)).Average());
        Assert.True(rmse < 1, $"co-Kriging of Forrester's pair should be close to the truth: {rmse}");
    }

    [Fact]
    public async Task Bad_low_fidelity_data_name_their_field()
    {
        var outside = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit([[0.2], [1.5], [0.7]]));
        await ProblemAssert.IsValidationProblemAsync(outside, "lowFidelity.points[1][0]");

        var otherDimension = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit([[0.2, 0.1], [0.5, 0.5]]));
        await ProblemAssert.IsValidationProblemAsync(otherDimension, "lowFidelity.points[0]");

        var shortValues = Fit(ElevenLow);
        shortValues["lowFidelity"]!["values"] = new JsonArray(1.0, 2.0);
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", shortValues), "lowFidelity.values");

        var onePoint = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit([[0.5]]));
        await ProblemAssert.IsValidationProblemAsync(onePoint, "lowFidelity.points");

        var otherKind = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(ElevenLow, "radialBasis"));
        await ProblemAssert.IsValidationProblemAsync(otherKind, "lowFidelity");
    }

    private async Task<PredictResponse> PredictAsync(object request)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictResponse>())!;
    }
}
