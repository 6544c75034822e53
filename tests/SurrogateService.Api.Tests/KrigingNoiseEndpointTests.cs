using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Noisy data, kernels and per-point variances through HTTP, and the 400s their mistakes get.</summary>
public class KrigingNoiseEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // y = sin(6x) plus a fixed pseudo-noise of amplitude 0.1, with x = 0.05 repeated (a replicate).
    private static readonly double[] Xs = [0.05, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    private static JsonObject Fit(object? options, double[]? noiseVariances = null)
    {
        var fit = new JsonObject
        {
            ["kind"] = "kriging",
            ["points"] = new JsonArray(Xs.Select(x => (JsonNode)new JsonArray(x)).ToArray()),
            ["values"] = new JsonArray(Xs.Select((x, i) => (JsonNode)(Math.Sin(6 * x) + 0.1 * Math.Sin(37.0 * i))).ToArray()),
            ["lowerBound"] = new JsonArray(0.0),
            ["upperBound"] = new JsonArray(1.0),
            ["options"] = options is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(options)),
        };
        if (noiseVariances is not null)
            fit["noiseVariances"] = new JsonArray(noiseVariances.Select(v => (JsonNode)v).ToArray());
        return fit;
    }

    [Fact]
    public async Task Fitted_noise_is_reported_and_include_noise_widens_the_interval_by_it()
    {
        var points = new[] { new[] { 0.33 }, [0.77] };
        var function = await PredictAsync(new { fit = Fit(new { kernel = "matern52", noise = "fit" }), points, includeStandardError = true });
        var observation = await PredictAsync(new { fit = Fit(new { kernel = "matern52", noise = "fit" }), points, includeStandardError = true, includeNoise = true });

        double noise = function.Diagnostics!.NoiseVariance!.Value;
        Assert.InRange(noise, 1e-4, 0.1);
        Assert.NotNull(function.Diagnostics.LeaveOneOutStandardisedSpread);
        Assert.Single(function.Diagnostics.Theta!);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(function.Values[k], observation.Values[k]);
            Assert.Equal(Math.Sqrt(function.StandardErrors![k] * function.StandardErrors[k] + noise), observation.StandardErrors![k], 1e-12);
        }
    }

    [Fact]
    public async Task A_model_document_with_noise_predicts_as_fit_and_predict_bit_for_bit()
    {
        var variances = Xs.Select((_, i) => 0.001 * (1 + i)).ToArray();
        var fitResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(new { kernel = "matern32" }, variances));
        var fitted = await fitResponse.Content.ReadFromJsonAsync<FitResponse>();
        Assert.Equal(HttpStatusCode.OK, fitResponse.StatusCode);
        Assert.Equal(variances, fitted!.Model.NoiseVariances);

        var points = new[] { new[] { 0.12 }, [0.5], [0.99] };
        var fromFit = await PredictAsync(new { fit = Fit(new { kernel = "matern32" }, variances), points, includeStandardError = true });
        var fromDocument = await PredictAsync(new { model = fitted.Model, points, includeStandardError = true });
        Assert.Equal(fromFit.Values, fromDocument.Values);
        Assert.Equal(fromFit.StandardErrors, fromDocument.StandardErrors);
    }

    [Theory]
    [InlineData("""{"noise": -1}""", "fit.options.noise")]
    [InlineData("""{"noise": "estimate"}""", "fit.options.noise")]
    [InlineData("""{"kernel": "matern72"}""", "fit.options.kernel")]
    [InlineData("""{"kernel": "matern52", "p": 1.5}""", "fit.options.p")]
    [InlineData("""{}""", "fit.points")]
    public async Task Bad_noise_and_kernel_options_name_their_field(string options, string field)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = Fit(JsonNode.Parse(options)), points = new[] { new[] { 0.5 } } });
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Noise_variances_of_the_wrong_length_or_sign_name_their_field()
    {
        var shortResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(new { }, [0.1, 0.2]));
        await ProblemAssert.IsValidationProblemAsync(shortResponse, "noiseVariances");

        var negative = Xs.Select(_ => 0.1).ToArray();
        negative[3] = -0.1;
        var negativeResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(new { }, negative));
        await ProblemAssert.IsValidationProblemAsync(negativeResponse, "noiseVariances[3]");

        var both = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(new { noise = 0.5 }, Xs.Select(_ => 0.1).ToArray()));
        await ProblemAssert.IsValidationProblemAsync(both, "options.noise");

        var otherKind = Fit(null, Xs.Select(_ => 0.1).ToArray());
        otherKind["kind"] = "radialBasis";
        otherKind["options"] = JsonNode.Parse("""{"smoothing": 0.1}""");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", otherKind), "noiseVariances");
    }

    [Fact]
    public async Task Include_noise_needs_standard_errors_and_a_model_with_a_noise_variance()
    {
        var points = new[] { new[] { 0.5 } };
        var withoutErrors = await _client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = Fit(new { noise = "fit" }), points, includeNoise = true });
        await ProblemAssert.IsValidationProblemAsync(withoutErrors, "includeNoise");

        var perPoint = await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { fit = Fit(new { }, Xs.Select((_, i) => 0.01 * (1 + i)).ToArray()), points, includeStandardError = true, includeNoise = true });
        await ProblemAssert.IsValidationProblemAsync(perPoint, "includeNoise");
    }

    private async Task<PredictResponse> PredictAsync(object request)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictResponse>())!;
    }
}
