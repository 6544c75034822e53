using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Fit and predict through HTTP against NUMERICS.md reference values (x = [1, 2, 3], y = [4, 5, 6], box [0, 10]).</summary>
public class SurrogatesEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static object FitOf(string kind, object? options = null) => new
    {
        kind,
        points = new[] { new[] { 1.0 }, [2.0], [3.0] },
        values = new[] { 4.0, 5.0, 6.0 },
        lowerBound = new[] { 0.0 },
        upperBound = new[] { 10.0 },
        options,
    };

    [Theory]
    [InlineData("kriging", """{"p":2,"theta":"heuristic"}""", 1.5, 4.354843068751124)]
    [InlineData("kriging", """{"p":1.3,"theta":"heuristic"}""", 4.0, 5.681169004344216)]
    [InlineData("radialBasis", """{"kernel":"linear","degree":1}""", 0.0, 3.0)]
    [InlineData("radialBasis", """{"kernel":"linear","degree":1}""", 4.0, 7.0)]
    [InlineData("inverseDistance", """{"p":1}""", 1.5, 4.714285714285714)]
    [InlineData("inverseDistance", """{"p":2}""", 1.5, 4.578947368421052)]
    [InlineData("lobachevsky", """{"alpha":1,"n":4}""", 1.5, 4.418540090307376)]
    public async Task Fit_and_predict_matches_the_reference(string kind, string options, double x, double expected)
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { fit = FitOf(kind, JsonNode.Parse(options)), points = new[] { new[] { x } } });
        var body = await response.Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(body!.Values), 1e-9);
        Assert.NotNull(body.Model);
    }

    [Fact]
    public async Task Kriging_standard_error_matches_the_textbook_formula()
    {
        var response = await _client.PostAsJsonAsync("/v1/surrogates/predict", new
        {
            fit = FitOf("kriging", new { p = 2, theta = "heuristic" }),
            points = new[] { new[] { 1.5 }, [4.0] },
            includeStandardError = true,
        });
        var body = await response.Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal(0.11798852274130316, body!.StandardErrors![0], 1e-9);
        Assert.Equal(0.6902011318163879, body.StandardErrors[1], 1e-9);
    }

    [Fact]
    public async Task A_model_document_round_trips_to_the_same_predictions()
    {
        var fit = await (await _client.PostAsJsonAsync("/v1/surrogates/fit", FitOf("kriging", new { p = 1.3, theta = "heuristic" })))
            .Content.ReadFromJsonAsync<FitResponse>();
        var predicted = await (await _client.PostAsJsonAsync("/v1/surrogates/predict", new
        {
            model = fit!.Model,
            points = new[] { new[] { 1.5 }, [4.0], [1.0] },
            includeStandardError = true,
        })).Content.ReadFromJsonAsync<PredictResponse>();

        Assert.Equal(1, fit.Model.FormatVersion);
        Assert.Equal("kriging", fit.Model.Kind);
        Assert.NotNull(fit.Diagnostics.LeaveOneOutRmse);
        Assert.Equal(4.452670670242171, predicted!.Values[0], 1e-9);
        Assert.Equal(5.681169004344216, predicted.Values[1], 1e-9);
        Assert.Equal(4.0, predicted.Values[2], 1e-9);
        Assert.Equal(0.39934072187532016, predicted.StandardErrors![0], 1e-9);
        Assert.True(predicted.StandardErrors[2] < 1e-6);
        Assert.Null(predicted.Model);
    }

    [Fact]
    public async Task Lists_every_kind_with_options_and_auto()
    {
        var kinds = await _client.GetFromJsonAsync<SurrogateKindInfo[]>("/v1/surrogates");
        string[] expected = ["auto", "gradientBoosting", "inverseDistance", "kriging", "linear", "lobachevsky", "mixtureOfExperts", "neuralNetwork", "polynomialChaos", "radialBasis", "randomForest", "secondOrder", "supportVector", "wendland"];

        Assert.Equal(expected, kinds!.Select(k => k.Name).Order(StringComparer.Ordinal));
        var kriging = Assert.Single(kinds!, k => k.Name == "kriging");
        Assert.True(kriging.HasStandardError);
        Assert.Contains(kriging.Options, o => o.Name == "theta" && o.Choices!.Contains("heuristic"));
    }

    [Fact]
    public async Task Auto_picks_the_candidate_with_the_lowest_leave_one_out_error()
    {
        var samples = await (await _client.PostAsJsonAsync("/v1/samples",
            new { method = "sobol", count = 30, lowerBound = new[] { -5.0, 0 }, upperBound = new[] { 10.0, 15 } }))
            .Content.ReadFromJsonAsync<SampleResponse>();
        var values = await (await _client.PostAsJsonAsync("/v1/functions/branin/evaluate", new { points = samples!.Points }))
            .Content.ReadFromJsonAsync<EvaluateResponse>();
        var response = await _client.PostAsJsonAsync("/v1/surrogates/fit", new
        {
            kind = "auto", points = samples.Points, values = values!.Values, lowerBound = new[] { -5.0, 0 }, upperBound = new[] { 10.0, 15 },
        });
        var fit = await response.Content.ReadFromJsonAsync<FitResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var candidates = fit!.Diagnostics.Candidates!;
        Assert.True(candidates.Count >= 5);
        double best = candidates.Where(c => c.LeaveOneOutRmse is not null).Min(c => c.LeaveOneOutRmse!.Value);
        Assert.Equal(best, fit.Diagnostics.LeaveOneOutRmse!.Value, 1e-12);
        Assert.NotEqual("auto", fit.Model.Kind);
    }

    public static TheoryData<string, string> BadFits => new()
    {
        { """{"kind":"nosuch","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3]}""", "kind" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1],"lowerBound":[0],"upperBound":[3]}""", "values" },
        { """{"kind":"kriging","points":[[1],[2]],"lowerBound":[0],"upperBound":[3]}""", "values" },
        { """{"kind":"kriging","points":[[1],[1],[2]],"values":[1,1,2],"lowerBound":[0],"upperBound":[3]}""", "points" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[3],"upperBound":[0]}""", "lowerBound[0]" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[0,0],"upperBound":[3,3]}""", "lowerBound" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"p":3}}""", "options.p" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"theta":"bogus"}}""", "options.theta" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"p":[1.5,1.5]}}""", "options.p" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"theta":[-1]}}""", "options.theta" },
        { """{"kind":"radialBasis","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"kernel":"spline"}}""", "options.kernel" },
        { """{"kind":"auto","points":[[1],[2]],"values":[1,2],"lowerBound":[0],"upperBound":[3],"options":{"x":1}}""", "options" },
        { """{"kind":"kriging","points":[[1],[2]],"values":[1,"NaN"],"lowerBound":[0],"upperBound":[3]}""", "values[1]" },
        { """{"kind":"polynomialChaos","points":[[1],[2],[3]],"values":[1,2,4],"lowerBound":[0],"upperBound":[3],"options":{"maxDegree":31}}""", "options.maxDegree" },
        { """{"kind":"polynomialChaos","points":[[1],[2],[3]],"values":[1,2,4],"lowerBound":[0],"upperBound":[3],"options":{"maxDegree":0}}""", "options.maxDegree" },
        { """{"kind":"polynomialChaos","points":[[1],[2],[3]],"values":[1,2,4],"lowerBound":[0],"upperBound":[3],"options":{"qNorm":0}}""", "options.qNorm" },
    };

    [Theory]
    [MemberData(nameof(BadFits))]
    public async Task Bad_fit_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Tampered_model_documents_are_rejected_field_by_field()
    {
        var fit = await (await _client.PostAsJsonAsync("/v1/surrogates/fit", FitOf("kriging", new { theta = "heuristic" })))
            .Content.ReadFromJsonAsync<JsonObject>();
        var model = fit!["model"]!;

        async Task ExpectAsync(Action<JsonNode> tamper, string field)
        {
            var copy = model.DeepClone();
            tamper(copy);
            var response = await _client.PostAsync("/v1/surrogates/predict",
                JsonBody.Of(new JsonObject { ["model"] = copy, ["points"] = JsonNode.Parse("[[1.5]]") }.ToJsonString()));
            await ProblemAssert.IsValidationProblemAsync(response, field);
        }

        await ExpectAsync(m => m["formatVersion"] = 99, "model.formatVersion");
        await ExpectAsync(m => m["kind"] = "nosuch", "model.kind");
        await ExpectAsync(m => m["values"] = JsonNode.Parse("[1,2]"), "model.values");
        await ExpectAsync(m => m["parameters"] = null, "model.parameters");
        await ExpectAsync(m => m["parameters"]!["theta"] = JsonNode.Parse("[-1]"), "model.parameters.theta");
        await ExpectAsync(m => m["parameters"]!.AsObject().Remove("theta"), "model.parameters.theta");
        await ExpectAsync(m => m["options"] = JsonNode.Parse("""{"p":7}"""), "model.options.p");
    }

    [Fact]
    public async Task Predict_checks_its_own_fields()
    {
        var fit = FitOf("inverseDistance");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { fit, points = new[] { new[] { 1.0 } }, includeStandardError = true }), "includeStandardError");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { fit, points = new[] { new[] { 1.0, 2.0 } } }), "points[0]");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { points = new[] { new[] { 1.0 } } }), "model");
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsJsonAsync("/v1/surrogates/predict",
            new { fit }), "points");
    }

    [Fact]
    public async Task Standard_errors_over_the_work_limit_are_refused_with_the_limit_named()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxStandardErrorWork", "1000000"));
        var training = Enumerable.Range(0, 100).Select(i => new[] { i / 10.0 }).ToArray();
        var response = await limited.CreateClient().PostAsJsonAsync("/v1/surrogates/predict", new
        {
            fit = new
            {
                kind = "kriging", points = training, values = training.Select(p => Math.Sin(p[0])).ToArray(),
                lowerBound = new[] { 0.0 }, upperBound = new[] { 10.0 }, options = new { theta = "heuristic" },
            },
            points = Enumerable.Range(0, 200).Select(i => new[] { i / 20.0 }).ToArray(),
            includeStandardError = true,
        });

        string message = await ProblemAssert.ErrorMessageAsync(response, "includeStandardError");
        Assert.Contains("MaxStandardErrorWork", message, StringComparison.Ordinal);
    }
}
