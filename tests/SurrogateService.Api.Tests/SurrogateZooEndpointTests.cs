using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Api.Tests.UmBridge;

namespace SurrogateService.Api.Tests;

/// <summary>
/// The kinds that complete the Surrogates.jl family, through every door a kind has: fit, predict from the
/// document, the surrogate figure and UM-Bridge's surrogate model; bad options are a 400 naming the field.
/// </summary>
public class SurrogateZooEndpointTests(UmBridgeFactory factory) : IClassFixture<UmBridgeFactory>
{
    private readonly HttpClient _client = factory.Rest;

    private static double Branin(double[] p) =>
        Math.Pow(p[1] - 5.1 / (4 * Math.PI * Math.PI) * p[0] * p[0] + 5 / Math.PI * p[0] - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(p[0]) + 10;

    private static object BraninFit(string kind, object? options = null, int count = 120)
    {
        var points = Enumerable.Range(1, count).Select(i => new[] { -5 + 15 * (i * 0.618034 % 1), 15 * (i * 0.754878 % 1) }).ToArray();
        return new { kind, points, values = points.Select(Branin).ToArray(), lowerBound = new[] { -5.0, 0 }, upperBound = new[] { 10.0, 15 }, options };
    }

    [Theory]
    [InlineData("randomForest", "outOfBag", true)]
    [InlineData("gradientBoosting", "5-fold", false)]
    [InlineData("supportVector", "5-fold", false)]
    [InlineData("mixtureOfExperts", "5-fold", true)]
    public async Task A_fitted_ensemble_predicts_alike_through_REST_UM_Bridge_and_the_figure(string kind, string crossValidation, bool standardErrors)
    {
        // The support-vector search (240 SMO solves) and the mixture's choice of clusters are covered in the Numerics
        // tests; fixed values keep this one quick.
        object? options = kind switch
        {
            "supportVector" => new { c = 100.0, epsilon = 0.01, gamma = 4.0 },
            "mixtureOfExperts" => new { clusters = 2, heaviside = 1.0 },
            _ => null,
        };
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", BraninFit(kind, options));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var fit = JsonDocument.Parse(text).RootElement;
        var model = fit.GetProperty("model").Clone();
        var diagnostics = fit.GetProperty("diagnostics");
        Assert.Equal(crossValidation, diagnostics.GetProperty("crossValidation").GetString());
        Assert.True(diagnostics.GetProperty("leaveOneOutRmse").GetDouble() > 0);

        double[][] queries = [[0.5, 4.2], [9.1, 2.3], [-3.1, 12.0]];
        var predicted = await _client.PostAsJsonAsync("/v1/surrogates/predict", new { model, points = queries, includeStandardError = standardErrors });
        var body = JsonDocument.Parse(await predicted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        var values = body.GetProperty("values").Vector();
        if (standardErrors)
            Assert.All(body.GetProperty("standardErrors").Vector(), se => Assert.True(se > 0));

        for (int i = 0; i < queries.Length; i++)
        {
            var output = (await factory.Protocol.Ok("/Evaluate", new { name = "surrogate", input = new[] { queries[i] }, config = new { model } })).GetProperty("output")[0].Vector();
            Assert.Equal(values[i], output[0]);
        }

        var figure = await _client.PostAsJsonAsync("/v1/plots/surrogate", new { model, function = "branin", resolution = 21, width = 600, height = 300 });
        Assert.Equal(HttpStatusCode.OK, figure.StatusCode);
        Assert.Equal("image/png", figure.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_mixture_with_more_clusters_than_its_points_fill_is_a_400_naming_clusters()
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", BraninFit("mixtureOfExperts", new { clusters = 10 }, count: 40));
        Assert.Contains("clusters", await ProblemAssert.ErrorMessageAsync(response, "options.clusters"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mixture_reports_its_clusters_and_experts()
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", BraninFit("mixtureOfExperts", new { clusters = 2, gatingModel = "gaussian", heaviside = 1.0 }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var mixture = JsonDocument.Parse(text).RootElement.GetProperty("diagnostics").GetProperty("mixtureOfExperts");
        Assert.Equal(2, mixture.GetProperty("clusters").GetInt32());
        Assert.Equal("gaussian", mixture.GetProperty("gatingModel").GetString());
        Assert.Equal(120, mixture.GetProperty("experts").EnumerateArray().Sum(e => e.GetProperty("points").GetInt32()));
    }

    [Fact]
    public async Task Boosting_refuses_standard_errors_naming_the_field()
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", new { fit = BraninFit("gradientBoosting"), points = new[] { new[] { 0.0, 1 } }, includeStandardError = true });
        Assert.Contains("randomForest", await ProblemAssert.ErrorMessageAsync(response, "includeStandardError"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadOptions => new()
    {
        { "randomForest", """{"trees":0}""", "options.trees" },
        { "randomForest", """{"trees":1}""", "options.trees" },
        { "randomForest", """{"trees":1001}""", "options.trees" },
        { "randomForest", """{"maxDepth":65}""", "options.maxDepth" },
        { "randomForest", """{"featureFraction":0}""", "options.featureFraction" },
        { "randomForest", """{"nEstimators":10}""", "options.nEstimators" },
        { "gradientBoosting", """{"trees":0}""", "options.trees" },
        { "gradientBoosting", """{"maxDepth":-1}""", "options.maxDepth" },
        { "gradientBoosting", """{"maxLeaves":1}""", "options.maxLeaves" },
        { "gradientBoosting", """{"learningRate":0}""", "options.learningRate" },
        { "gradientBoosting", """{"folds":1}""", "options.folds" },
        { "gradientBoosting", """{"maxIter":10}""", "options.maxIter" },
        { "supportVector", """{"c":0}""", "options.c" },
        { "supportVector", """{"c":"large"}""", "options.c" },
        { "supportVector", """{"epsilon":-0.1}""", "options.epsilon" },
        { "supportVector", """{"gamma":0}""", "options.gamma" },
        { "supportVector", """{"folds":1}""", "options.folds" },
        { "supportVector", """{"kernel":"linear"}""", "options.kernel" },
        { "mixtureOfExperts", """{"clusters":11}""", "options.clusters" },
        { "mixtureOfExperts", """{"clusters":-1}""", "options.clusters" },
        { "mixtureOfExperts", """{"clusters":1.5}""", "options.clusters" },
        { "mixtureOfExperts", """{"gating":"soft"}""", "options.gating" },
        { "mixtureOfExperts", """{"gatingModel":"tree"}""", "options.gatingModel" },
        { "mixtureOfExperts", """{"heaviside":0}""", "options.heaviside" },
        { "mixtureOfExperts", """{"experts":["kriging"]}""", "options.experts" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_options_are_a_400_naming_the_field(string kind, string options, string field)
    {
        string body = $$"""{"kind":"{{kind}}","points":[[1],[2],[3]],"values":[1,2,4],"lowerBound":[0],"upperBound":[3],"options":{{options}}}""";
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(body)), field);
    }
}
