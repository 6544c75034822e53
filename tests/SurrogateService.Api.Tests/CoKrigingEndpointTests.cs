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

    [Fact]
    public async Task Auto_with_low_fidelity_data_tries_co_kriging_and_keeps_it_on_forresters_pair()
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(ElevenLow, "auto"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fitted = (await response.Content.ReadFromJsonAsync<FitResponse>())!;
        var candidates = fitted.Diagnostics.Candidates!;
        var coKriging = Assert.Single(candidates, c => c.UsesLowFidelity);
        Assert.Equal("kriging", coKriging.Kind);
        Assert.Contains(candidates, c => c.Kind == "kriging" && !c.UsesLowFidelity);
        Assert.Contains(candidates, c => c.Kind == "polynomialChaos" && !c.UsesLowFidelity);
        // The discrepancy of Forrester's pair is linear: co-Kriging's leave-one-out error is the lowest.
        Assert.Equal(candidates.Where(c => c.LeaveOneOutRmse is not null).Min(c => c.LeaveOneOutRmse), coKriging.LeaveOneOutRmse);
        Assert.Equal("kriging", fitted.Model.Kind);
        Assert.Equal(11, fitted.Model.LowFidelity!.Points!.Length);
    }

    [Fact]
    public async Task Auto_checks_low_fidelity_data_like_kriging()
    {
        var outside = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit([[0.2], [1.5], [0.7]], "auto"));
        await ProblemAssert.IsValidationProblemAsync(outside, "lowFidelity.points[1][0]");
        var otherDimension = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit([[0.2, 0.1], [0.5, 0.5]], "auto"));
        await ProblemAssert.IsValidationProblemAsync(otherDimension, "lowFidelity.points[0]");
    }

    [Fact]
    public async Task The_surrogate_figure_draws_a_co_kriging_model_and_its_rmse_beats_kriging_at_equal_cost()
    {
        // Currin's pair, a low-fidelity run at a tenth of the cost: 10 high + 100 low against 20 high.
        var design = await SampleAsync(100);
        double[] lowValues = await EvaluateAsync("currinLow", design);
        double[] highValues = await EvaluateAsync("currinHigh", design[..20]);
        object FitOf(int highPoints, bool withLow) => new
        {
            kind = "kriging",
            points = design[..highPoints],
            values = highValues[..highPoints],
            lowerBound = new[] { 0.0, 0 },
            upperBound = new[] { 1.0, 1 },
            lowFidelity = withLow ? new { points = design, values = lowValues } : null,
        };

        async Task<double> PlottedRmse(object fit)
        {
            var response = await _client.PostAsJsonAsync("/v1/plots/surrogate",
                new { fit, function = "currinHigh", includeStandardError = true, resolution = 31, width = 1200, height = 400 });
            var png = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(png));
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.True(PngImage.Read(png).DistinctColours() > 50);
            return double.Parse(response.Headers.GetValues(SurrogateService.Api.Endpoints.PlotsEndpoints.RmseHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        }

        double coKriging = await PlottedRmse(FitOf(10, withLow: true));
        double highOnly = await PlottedRmse(FitOf(20, withLow: false));
        Assert.True(coKriging < highOnly, $"co-Kriging {coKriging}, Kriging on the high-fidelity points {highOnly}");
    }

    [Fact]
    public async Task The_standard_error_limit_counts_the_low_fidelity_level()
    {
        // 4 high-fidelity points cost 200 × 257 × 4² = 8.2e5 (one solve per quadrature node of θ); the low level's add 200 × 2.56e4 = 5.1e6 (its work bound: two nodes of 100²).
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxStandardErrorWork", "1000000"));
        var hundredLow = Enumerable.Range(0, 100).Select(i => new[] { i / 99.0 }).ToArray();
        var response = await limited.CreateClient().PostAsJsonAsync("/v1/surrogates/predict", new
        {
            fit = Fit(hundredLow),
            points = Enumerable.Range(0, 200).Select(i => new[] { i / 199.0 }).ToArray(),
            includeStandardError = true,
        });
        string message = await ProblemAssert.ErrorMessageAsync(response, "includeStandardError");
        Assert.Contains("100 low-fidelity", message, StringComparison.Ordinal);
        Assert.Contains("MaxStandardErrorWork", message, StringComparison.Ordinal);
    }

    private async Task<double[][]> SampleAsync(int count)
    {
        var response = await _client.PostAsJsonAsync("/v1/samples", new
        {
            method = "sobol", count, lowerBound = new[] { 0.0, 0 }, upperBound = new[] { 1.0, 1 }, seed = 11,
            options = new { sequence = "plain", scramble = true },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SampleResponse>())!.Points;
    }

    private async Task<double[]> EvaluateAsync(string function, double[][] points)
    {
        var response = await _client.PostAsJsonAsync($"/v1/functions/{function}/evaluate", new { points });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EvaluateResponse>())!.Values!;
    }

    private async Task<PredictResponse> PredictAsync(object request)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictResponse>())!;
    }
}
