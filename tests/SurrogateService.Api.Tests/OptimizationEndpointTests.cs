using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Tests;

/// <summary>Ask–tell suggestions and whole runs through HTTP: invariants, determinism, state round trips and field-named errors.</summary>
public class OptimizationEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly double[] Lower = [-5, 0];
    private static readonly double[] Upper = [10, 15];

    // A 3×3 grid over Branin's domain and two inner points, evaluated with the benchmark itself.
    private static readonly double[][] Points =
    [
        [-5, 0], [2.5, 0], [10, 0], [-5, 7.5], [2.5, 7.5], [10, 7.5], [-5, 15], [2.5, 15], [10, 15], [0, 3], [6, 11],
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static double[] BraninValues() => Points.Select(p => BenchmarkFunctions.Find("branin")!.Evaluate(p)).ToArray();

    private static JsonObject SuggestBody(string strategy, int batchSize = 1) => new()
    {
        ["strategy"] = strategy,
        ["lowerBound"] = new JsonArray(Lower.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>()),
        ["upperBound"] = new JsonArray(Upper.Select(v => JsonValue.Create(v)).ToArray<JsonNode?>()),
        ["points"] = JsonSerializerNode(Points),
        ["values"] = JsonSerializerNode(BraninValues()),
        ["batchSize"] = batchSize,
        ["seed"] = 3,
    };

    private static JsonNode JsonSerializerNode<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;

    [Fact]
    public async Task Lists_the_strategies_with_their_options()
    {
        var strategies = (await _client.GetFromJsonAsync<StrategyInfo[]>("/v1/optimization/strategies"))!;
        Assert.Equal(["ei", "lcb", "srbf", "dycors", "ehvi", "parego", "turbo"], strategies.Select(s => s.Name));
        Assert.Equal("kriging", strategies[0].DefaultSurrogate);
        Assert.Equal("radialBasis", strategies[2].DefaultSurrogate);
        Assert.Contains(strategies[0].Options, o => o.Name == "xi" && ((System.Text.Json.JsonElement)o.Default).GetDouble() == 0.01);
        Assert.Contains(strategies[1].Options, o => o.Name == "kappa");
        Assert.Contains(strategies[3].Options, o => o.Name == "maxEvaluations");
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("lcb")]
    [InlineData("srbf")]
    [InlineData("dycors")]
    public async Task Suggestions_are_new_points_inside_the_box_and_reproducible(string strategy)
    {
        var first = await SuggestAsync(SuggestBody(strategy, batchSize: 3));
        var again = await SuggestAsync(SuggestBody(strategy, batchSize: 3));

        Assert.Equal(3, first.Points.Length);
        Assert.Equal(3, first.Acquisition.Length);
        double tolerance = 1e-3 * Math.Sqrt(15 * 15 + 15 * 15);
        foreach (var point in first.Points)
        {
            Assert.InRange(point[0], Lower[0], Upper[0]);
            Assert.InRange(point[1], Lower[1], Upper[1]);
            Assert.All(Points, known => Assert.True(Distance(point, known) >= tolerance));
        }
        Assert.True(Distance(first.Points[0], first.Points[1]) >= tolerance);
        Assert.Equal(strategy, first.State.Strategy);
        Assert.Equal(1, first.State.Iteration);
        Assert.Equal(BraninValues().Min(), first.Incumbent!.Value);
        Assert.Equal(first.Points.SelectMany(p => p), again.Points.SelectMany(p => p));
    }

    [Fact]
    public async Task The_returned_state_goes_back_and_moves_the_search_on()
    {
        var first = await SuggestAsync(SuggestBody("dycors"));
        var body = SuggestBody("dycors");
        body["points"] = JsonSerializerNode(Points.Append(first.Points[0]).ToArray());
        body["values"] = JsonSerializerNode(BraninValues().Append(BenchmarkFunctions.Find("branin")!.Evaluate(first.Points[0])).ToArray());
        body["state"] = JsonSerializerNode(first.State);
        var second = await SuggestAsync(body);

        Assert.Equal(2, second.State.Iteration);
        Assert.Equal(Points.Length, second.State.InitialPoints);
        Assert.NotEqual(first.Points[0], second.Points[0]);
    }

    [Fact]
    public async Task Null_values_mark_failed_evaluations()
    {
        var body = SuggestBody("ei", batchSize: 2);
        var values = BraninValues().Select(v => (double?)v).ToArray();
        values[0] = null;
        values[4] = null;
        body["values"] = JsonSerializerNode(values);
        var suggestion = await SuggestAsync(body);

        Assert.Equal(values.Where(v => v is not null).Min(), suggestion.Incumbent!.Value);
        Assert.Equal(2, suggestion.Points.Length);
    }

    [Fact]
    public async Task When_every_evaluation_failed_it_says_so_and_fills_space()
    {
        var body = SuggestBody("srbf");
        body["values"] = JsonSerializerNode(new double?[Points.Length]);
        var suggestion = await SuggestAsync(body);

        Assert.Null(suggestion.Incumbent);
        Assert.Null(suggestion.Acquisition[0]);
        Assert.NotEmpty(suggestion.Warnings);
    }

    [Theory]
    [InlineData("srbf", """{"strategy":"srbf","iteration":1,"stepSize":0,"successes":0,"failures":0,"cycleIndex":0,"initialPoints":11}""", "state.stepSize")]
    [InlineData("srbf", """{"strategy":"srbf","iteration":1,"stepSize":0.1,"successes":0,"failures":-1,"cycleIndex":0,"initialPoints":11}""", "state.failures")]
    [InlineData("srbf", """{"strategy":"srbf","iteration":1,"stepSize":0.1,"successes":-3,"failures":0,"cycleIndex":0,"initialPoints":11}""", "state.successes")]
    [InlineData("srbf", """{"strategy":"srbf","iteration":1,"successes":0,"failures":0,"cycleIndex":0,"initialPoints":11}""", "state.stepSize")]
    [InlineData("srbf", """{"strategy":"ei","iteration":1}""", "state.strategy")]
    [InlineData("ei", """{"strategy":"ei","iteration":-1}""", "state.iteration")]
    [InlineData("ei", """{"strategy":"ei"}""", "state.iteration")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"theta":[0.5,-1],"thetaPoints":11}""", "state.theta[1]")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"theta":[0.5],"thetaPoints":11}""", "state.theta")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"theta":[0.5,1]}""", "state.thetaPoints")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"theta":[0.5,1],"thetaPoints":0}""", "state.thetaPoints")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"stepSize":0.1}""", "state.stepSize")]
    [InlineData("ei", """{"strategy":"ei","iteration":1,"bestValue":NaN}""", "state.bestValue")]
    public async Task A_tampered_state_is_a_400_naming_the_field(string strategy, string state, string field)
    {
        var body = SuggestBody(strategy);
        string json = body.ToJsonString().TrimEnd('}') + ",\"state\":" + state + "}";
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(json));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("strategy", "\"simplex\"", "strategy")]
    [InlineData("strategy", null, "strategy")]
    [InlineData("points", null, "points")]
    [InlineData("points", "[]", "points")]
    [InlineData("points", "[[0,0],[1]]", "points[1]")]
    [InlineData("values", "[1,2]", "values")]
    [InlineData("values", null, "values")]
    [InlineData("lowerBound", "[10,0]", "lowerBound[0]")]
    [InlineData("upperBound", "[10]", "upperBound")]
    [InlineData("batchSize", "0", "batchSize")]
    [InlineData("batchSize", "51", "batchSize")]
    [InlineData("seed", "-1", "seed")]
    [InlineData("options", "{\"kappa\":2}", "options.kappa")]
    [InlineData("options", "{\"liar\":\"optimist\"}", "options.liar")]
    [InlineData("options", "{\"xi\":-1}", "options.xi")]
    [InlineData("options", "{\"minDistance\":0}", "options.minDistance")]
    [InlineData("surrogate", "{\"kind\":\"spline\"}", "surrogate.kind")]
    [InlineData("surrogate", "{\"kind\":\"radialBasis\"}", "surrogate.kind")]
    [InlineData("surrogate", "{\"kind\":\"kriging\",\"options\":{\"p\":3}}", "surrogate.options.p")]
    [InlineData("surrogate", "{\"kind\":\"kriging\",\"options\":{\"p\":[1,2,2]}}", "surrogate.options.p")]
    public async Task Every_bad_suggest_input_is_a_400_naming_the_field(string property, string? json, string field)
    {
        var body = SuggestBody("ei");
        body[property] = json is null ? null : JsonNode.Parse(json);
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_non_finite_value_is_a_400_naming_it()
    {
        string json = SuggestBody("ei").ToJsonString().Replace("\"values\":[", "\"values\":[NaN,", StringComparison.Ordinal);
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(json));
        await ProblemAssert.IsValidationProblemAsync(response, "values[0]");
    }

    [Fact]
    public async Task More_known_points_than_the_limit_are_a_400_naming_points()
    {
        var body = SuggestBody("srbf");
        body["points"] = JsonSerializerNode(Enumerable.Range(0, 2001).Select(i => new[] { -5 + i * 0.005, i * 0.005 }).ToArray());
        body["values"] = JsonSerializerNode(new double[2001]);
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "points");
    }

    [Fact]
    public async Task A_saturated_box_names_the_minimum_distance()
    {
        var body = new JsonObject
        {
            ["strategy"] = "srbf",
            ["lowerBound"] = JsonSerializerNode(new[] { 0.0 }),
            ["upperBound"] = JsonSerializerNode(new[] { 1.0 }),
            ["points"] = JsonSerializerNode(Enumerable.Range(0, 11).Select(i => new[] { i / 10.0 }).ToArray()),
            ["values"] = JsonSerializerNode(Enumerable.Range(0, 11).Select(i => (double)i).ToArray()),
            ["options"] = JsonNode.Parse("{\"minDistance\":0.1}"),
        };
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "options.minDistance");
    }

    [Fact]
    public async Task A_run_spends_its_budget_and_returns_the_best_point_of_its_trace()
    {
        var response = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "branin",
            strategy = "ei",
            initialSamples = new { method = "sobol", count = 8 },
            maxEvaluations = 20,
            batchSize = 3,
            seed = 1,
        });
        var run = await response.Content.ReadFromJsonAsync<RunResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, run!.Evaluations);
        Assert.Equal(20, run.Trace.Count);
        double running = double.PositiveInfinity;
        foreach (var entry in run.Trace)
        {
            Assert.Equal(BenchmarkFunctions.Find("branin")!.Evaluate(entry.Point), entry.Value!.Value, 1e-12);
            running = Math.Min(running, entry.Value.Value);
            Assert.Equal(running, entry.BestSoFar);
        }
        Assert.Equal(running, run.Best!.Value);
        Assert.Equal(run.Best.Value, BenchmarkFunctions.Find("branin")!.Evaluate(run.Best.Point), 1e-12);
        Assert.Equal(run.Best.Value, run.BestTrueValue);
    }

    [Fact]
    public async Task A_noisy_run_reports_the_true_value_of_its_best_point()
    {
        var response = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "branin",
            strategy = "srbf",
            initialSamples = new { method = "sobol", count = 8 },
            maxEvaluations = 16,
            seed = 2,
            noise = 1.0,
        });
        var run = await response.Content.ReadFromJsonAsync<RunResponse>();

        var branin = BenchmarkFunctions.Find("branin")!;
        Assert.Equal(branin.Evaluate(run!.Best!.Point), run.BestTrueValue!.Value, 12);
        Assert.Contains(run.Trace, t => Math.Abs(t.Value!.Value - branin.Evaluate(t.Point)) > 1e-3);
    }

    [Theory]
    [InlineData("function", "\"bananas\"", "function")]
    [InlineData("dimension", "3", "dimension")]
    [InlineData("strategy", "\"simplex\"", "strategy")]
    [InlineData("maxEvaluations", null, "maxEvaluations")]
    [InlineData("maxEvaluations", "201", "maxEvaluations")]
    [InlineData("initialSamples", null, "initialSamples")]
    [InlineData("initialSamples", "{\"method\":\"sobol\",\"count\":30}", "initialSamples.count")]
    [InlineData("initialSamples", "{\"method\":\"magic\",\"count\":5}", "initialSamples.method")]
    [InlineData("initialSamples", "{\"method\":\"sobol\",\"count\":5,\"options\":{\"scramble\":1}}", "initialSamples.options.scramble")]
    [InlineData("initialSamples", "{\"method\":\"grid\",\"count\":5,\"options\":{\"pointsPerDimension\":4}}", "initialSamples")]
    [InlineData("batchSize", "0", "batchSize")]
    [InlineData("noise", "-1", "noise")]
    [InlineData("options", "{\"refitEvery\":0}", "options.refitEvery")]
    public async Task Every_bad_run_input_is_a_400_naming_the_field(string property, string? json, string field)
    {
        var body = new JsonObject
        {
            ["function"] = "branin",
            ["strategy"] = "ei",
            ["initialSamples"] = JsonNode.Parse("{\"method\":\"sobol\",\"count\":5}"),
            ["maxEvaluations"] = 20,
        };
        body[property] = json is null ? null : JsonNode.Parse(json);
        var response = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    private async Task<SuggestResponse> SuggestAsync(JsonObject body)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return System.Text.Json.JsonSerializer.Deserialize<SuggestResponse>(text, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
