using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Gradients through HTTP: gradient-enhanced fits, documents that carry the gradients, auto, and the 400s of bad gradients.</summary>
public class GradientEnhancedEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory = factory;
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>f(x, y) = sin(3x)·cos(2y) on [0, 1]², with its gradient (3cos 3x·cos 2y, −2 sin 3x·sin 2y).</summary>
    private static double F(double[] p) => Math.Sin(3 * p[0]) * Math.Cos(2 * p[1]);

    private static double[] Gradient(double[] p) => [3 * Math.Cos(3 * p[0]) * Math.Cos(2 * p[1]), -2 * Math.Sin(3 * p[0]) * Math.Sin(2 * p[1])];

    private static readonly double[][] Design = [[0.1, 0.2], [0.8, 0.1], [0.5, 0.5], [0.2, 0.9], [0.9, 0.8], [0.4, 0.05]];

    private static JsonObject Fit(string kind = "kriging", Func<int, JsonNode?>? gradient = null, JsonObject? options = null) => new()
    {
        ["kind"] = kind,
        ["points"] = new JsonArray(Design.Select(p => (JsonNode)new JsonArray(p[0], p[1])).ToArray()),
        ["values"] = new JsonArray(Design.Select(p => (JsonNode)F(p)).ToArray()),
        ["lowerBound"] = new JsonArray(0.0, 0.0),
        ["upperBound"] = new JsonArray(1.0, 1.0),
        ["gradients"] = new JsonArray(Design.Select((p, i) => gradient is null
            ? i == 2 ? null : new JsonArray(Gradient(p).Select(g => (JsonNode)g).ToArray())
            : gradient(i)).ToArray()),
        ["options"] = options ?? new JsonObject { ["kernel"] = "matern52" },
    };

    private static readonly double[][] Check = Enumerable.Range(0, 25).Select(k => new[] { (k % 5 + 0.5) / 5, (k / 5 + 0.5) / 5 }).ToArray();

    [Fact]
    public async Task A_gradient_enhanced_document_carries_the_gradients_and_predicts_as_fit_and_predict()
    {
        var fitResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit());
        Assert.Equal(HttpStatusCode.OK, fitResponse.StatusCode);
        var fitted = (await fitResponse.Content.ReadFromJsonAsync<FitResponse>())!;
        Assert.Null(fitted.Model.Gradients![2]);
        Assert.Equal(Gradient(Design[0]), fitted.Model.Gradients[0]);

        var fromDocument = await PredictAsync(new { model = fitted.Model, points = Check, includeStandardError = true });
        var fromFit = await PredictAsync(new { fit = Fit(), points = Check, includeStandardError = true });
        Assert.Equal(fromFit.Values, fromDocument.Values);
        Assert.Equal(fromFit.StandardErrors, fromDocument.StandardErrors);

        // Six points with gradients know this function far better than the six values alone.
        var withoutGradients = Fit();
        withoutGradients.Remove("gradients");
        var plain = await PredictAsync(new { fit = withoutGradients, points = Check });
        double Rmse(double[] values) => Math.Sqrt(Check.Select((p, k) => Math.Pow(values[k] - F(p), 2)).Average());
        Assert.True(2 * Rmse(fromFit.Values) < Rmse(plain.Values), $"with gradients {Rmse(fromFit.Values)}, without {Rmse(plain.Values)}");
    }

    [Fact]
    public async Task A_GEKPLS_document_predicts_as_its_fit_and_bad_extra_points_name_the_option()
    {
        // Components with gradients: KPLS on the values and one Taylor point per point with a gradient (point 2 has none).
        var gekpls = Fit(options: new JsonObject { ["components"] = 1 });
        var fitResponse = await _client.PostAsJsonAsync("/v1/surrogates/fit", gekpls);
        Assert.Equal(HttpStatusCode.OK, fitResponse.StatusCode);
        var fitted = (await fitResponse.Content.ReadFromJsonAsync<FitResponse>())!;
        var fromDocument = await PredictAsync(new { model = fitted.Model, points = Check, includeStandardError = true });
        var fromFit = await PredictAsync(new { fit = Fit(options: new JsonObject { ["components"] = 1 }), points = Check, includeStandardError = true });
        Assert.Equal(fromFit.Values, fromDocument.Values);
        Assert.Equal(fromFit.StandardErrors, fromDocument.StandardErrors);

        foreach (var bad in new[]
        {
            new JsonObject { ["components"] = 1, ["extraPoints"] = 3 },
            new JsonObject { ["components"] = 1, ["extraPoints"] = -1 },
            new JsonObject { ["components"] = 1, ["extraPoints"] = 0.5 },
            new JsonObject { ["extraPoints"] = 1 },
        })
        {
            await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit(options: bad)), "options.extraPoints");
        }
    }

    [Fact]
    public async Task Auto_gives_the_gradients_to_kriging_and_its_document_restores_whichever_kind_wins()
    {
        async Task<FitResponse> AutoAsync(bool withGradients)
        {
            var auto = Fit("auto");
            auto.Remove("options");
            if (!withGradients)
                auto.Remove("gradients");
            var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", auto);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<FitResponse>())!;
        }

        var with = await AutoAsync(withGradients: true);
        var without = await AutoAsync(withGradients: false);
        double KrigingError(FitResponse fit) => fit.Diagnostics.Candidates!.Single(c => c.Kind == "kriging").LeaveOneOutRmse!.Value;
        Assert.True(KrigingError(with) < KrigingError(without), $"kriging with gradients {KrigingError(with)}, without {KrigingError(without)}");
        // Only a kind that used the gradients keeps them in its document, so the document is valid as it stands.
        Assert.Equal(with.Model.Kind == "kriging", with.Model.Gradients is not null);
        await PredictAsync(new { model = with.Model, points = Check });
    }

    [Fact]
    public async Task The_surrogate_figure_draws_a_gradient_enhanced_model_with_its_standard_error()
    {
        var fitted = (await (await _client.PostAsJsonAsync("/v1/surrogates/fit", Fit())).Content.ReadFromJsonAsync<FitResponse>())!;
        var response = await _client.PostAsJsonAsync("/v1/plots/surrogate", new { model = fitted.Model, includeStandardError = true, resolution = 11 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task Bad_gradients_name_their_field()
    {
        var wrongLength = Fit(gradient: i => i == 3 ? new JsonArray(1.0) : new JsonArray(0.0, 0.0));
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", wrongLength), "gradients[3]");

        var tooFew = Fit();
        tooFew["gradients"] = new JsonArray(new JsonArray(1.0, 2.0));
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", tooFew), "gradients");

        var otherKind = Fit("radialBasis");
        otherKind.Remove("options");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", otherKind), "gradients");

        var roughKernel = Fit(options: new JsonObject { ["kernel"] = "powerExponential", ["p"] = 1.5 });
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", roughKernel), "options.p");

        var noisy = Fit(options: new JsonObject { ["noise"] = "fit" });
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/fit", noisy), "options.noise");
    }

    [Fact]
    public async Task Values_and_gradient_components_beyond_the_limit_are_refused_naming_gradients()
    {
        // Six values and five gradients of two components: 16 observations.
        using var limited = _factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxGradientObservations", "15"));
        using var client = limited.CreateClient();
        var response = await client.PostAsJsonAsync("/v1/surrogates/fit", Fit());
        Assert.Contains("Limits:MaxGradientObservations", await ProblemAssert.ErrorMessageAsync(response, "gradients"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/v1/surrogates/fit", Fit(gradient: i => i < 4 ? null : new JsonArray(0.0, 0.0)))).StatusCode);
    }

    [Fact]
    public async Task The_standard_error_limit_counts_gradient_components()
    {
        // 16 observations: 5000 points cost 5000 × 16² = 1.28e6 > 1e6, though 5000 × 6² = 1.8e5 would pass.
        using var limited = _factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxStandardErrorWork", "1000000"));
        using var client = limited.CreateClient();
        var points = Enumerable.Range(0, 5000).Select(k => new[] { k / 5000.0, 0.5 }).ToArray();
        var response = await client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = Fit(), points, includeStandardError = true });
        Assert.Contains("gradient components", await ProblemAssert.ErrorMessageAsync(response, "includeStandardError"), StringComparison.Ordinal);
    }

    private async Task<PredictResponse> PredictAsync(object request)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PredictResponse>())!;
    }
}
