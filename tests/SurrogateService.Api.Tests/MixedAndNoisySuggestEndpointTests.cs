using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Tests;

public class MixedAndNoisySuggestEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // A continuous x in [0, 1], a number of blades 2..6, a material of three levels.
    private const string Mixed = """
        "lowerBound":[0,2,0],"upperBound":[1,6,2],
        "variables":[{"type":"continuous"},{"type":"integer"},{"type":"categorical","levels":["steel","aluminium","titanium"]}],
        "points":[[0.1,2,0],[0.5,4,1],[0.9,6,2],[0.3,3,2],[0.7,5,0],[0.2,6,1]],
        "values":[3.1,1.2,2.5,2.2,2.9,1.9]
        """;

    [Theory]
    [InlineData("ei")]
    [InlineData("dycors")]
    public async Task Mixed_suggestions_are_integers_and_level_indices_and_the_state_round_trips(string strategy)
    {
        var first = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{"strategy":"{{strategy}}",{{Mixed}},"batchSize":4,"seed":5}"""));
        var body = await first.Content.ReadFromJsonAsync<SuggestResponse>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(body!.Points, p =>
        {
            Assert.InRange(p[0], 0, 1);
            Assert.Equal(Math.Round(p[1]), p[1]);
            Assert.InRange(p[1], 2, 6);
            Assert.Contains(p[2], new[] { 0.0, 1.0, 2.0 });
        });

        string state = System.Text.Json.JsonSerializer.Serialize(body.State, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        var second = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{"strategy":"{{strategy}}",{{Mixed}},"seed":5,"state":{{state}}}"""));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    public static TheoryData<string, string> BadVariables => new()
    {
        { "\"points\":[[0.1,2.5,0]],\"values\":[1]", "points[0][1]" },
        { "\"points\":[[0.1,2,3]],\"values\":[1]", "points[0][2]" },
        { "\"points\":[[0.1,2,-1]],\"values\":[1]", "points[0][2]" },
    };

    [Theory]
    [MemberData(nameof(BadVariables))]
    public async Task Points_that_break_their_variables_are_a_400_naming_the_coordinate(string data, string field)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""
            {"strategy":"ei","lowerBound":[0,2,0],"upperBound":[1,6,2],
             "variables":[{"type":"continuous"},{"type":"integer"},{"type":"categorical","levels":["a","b","c"]}],{{data}}}
            """));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("""[{"type":"continuous"},{"type":"integer"}]""", "variables")]
    [InlineData("""[{"type":"whole"},{"type":"integer"},{"type":"categorical","levels":["a","b","c"]}]""", "variables[0].type")]
    [InlineData("""[{},{"type":"integer"},{"type":"categorical","levels":["a","b","c"]}]""", "variables[0].type")]
    [InlineData("""[{"type":"continuous"},{"type":"integer","levels":["a"]},{"type":"categorical","levels":["a","b","c"]}]""", "variables[1].levels")]
    [InlineData("""[{"type":"continuous"},{"type":"integer"},{"type":"categorical"}]""", "variables[2].levels")]
    [InlineData("""[{"type":"continuous"},{"type":"integer"},{"type":"categorical","levels":["a","a","c"]}]""", "variables[2].levels")]
    [InlineData("""[{"type":"continuous"},{"type":"integer"},{"type":"categorical","levels":["a","b"]}]""", "variables[2]")]
    [InlineData("""[{"type":"continuous"},{"type":"integer"},{"type":"categorical","levels":["a","b","c","d"]}]""", "variables[2]")]
    public async Task Bad_variables_are_a_400_naming_the_field(string variables, string field)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""
            {"strategy":"ei","lowerBound":[0,2,0],"upperBound":[1,6,2],"variables":{{variables}},
             "points":[[0.1,2,0],[0.5,4,1]],"values":[1,2]}
            """));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Gradients_with_integer_or_categorical_variables_are_a_400_naming_gradients()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of("""
            {"strategy":"ei","lowerBound":[0,1],"upperBound":[1,6],"variables":[{"type":"continuous"},{"type":"integer"}],
             "points":[[0.1,2],[0.5,4]],"values":[1,2],"gradients":[[1,0],null]}
            """));
        await ProblemAssert.IsValidationProblemAsync(response, "gradients");
    }

    [Fact]
    public async Task Integer_bounds_that_are_not_whole_numbers_are_a_400_naming_the_variable()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of("""
            {"strategy":"ei","lowerBound":[0,1.5],"upperBound":[1,6],"variables":[{"type":"continuous"},{"type":"integer"}],
             "points":[[0.1,2],[0.5,4]],"values":[1,2]}
            """));
        await ProblemAssert.IsValidationProblemAsync(response, "variables[1]");
    }

    [Fact]
    public async Task A_noisy_surrogate_reports_the_incumbent_of_best_posterior_mean()
    {
        // A bowl around x = 0.55 with one lucky low observation at x = 0.1.
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of("""
            {"strategy":"ei","lowerBound":[0],"upperBound":[1],
             "surrogate":{"kind":"kriging","options":{"noise":0.09,"theta":[8]}},
             "points":[[0],[0.1],[0.2],[0.3],[0.4],[0.5],[0.6],[0.7],[0.8],[0.9],[1]],
             "values":[2.1,0.2,1.2,0.8,0.6,0.35,0.45,0.7,0.9,1.5,2.0]}
            """));
        var body = await response.Content.ReadFromJsonAsync<SuggestResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IncumbentInfo.PosteriorMean, body!.Incumbent!.Basis);
        Assert.NotEqual(0.1, body.Incumbent.Point[0]);
        Assert.NotNull(body.Incumbent.ObservedValue);
        Assert.NotEqual(body.Incumbent.ObservedValue, body.Incumbent.Value);
    }

    [Fact]
    public async Task Exact_values_keep_the_observed_incumbent()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{"strategy":"ei",{{Mixed}}}"""));
        var body = await response.Content.ReadFromJsonAsync<SuggestResponse>();
        Assert.Equal(IncumbentInfo.Observed, body!.Incumbent!.Basis);
        Assert.Equal(1.2, body.Incumbent.Value);
        Assert.Null(body.Incumbent.ObservedValue);
    }

    [Fact]
    public async Task A_run_of_mixed_branin_uses_its_variables_and_a_noisy_run_recommends_by_posterior_mean()
    {
        var mixed = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "mixedBranin",
            strategy = "ei",
            initialSamples = new { method = "sobol", count = 8 },
            maxEvaluations = 14,
            seed = 3,
        });
        var run = await mixed.Content.ReadFromJsonAsync<RunResponse>();
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.All(run!.Trace, t => Assert.All(t.Point[..4], x => Assert.Equal(Math.Round(x), x)));

        var noisy = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "branin",
            strategy = "ei",
            initialSamples = new { method = "sobol", count = 8 },
            maxEvaluations = 14,
            seed = 3,
            noise = 1.0,
        });
        var noisyRun = await noisy.Content.ReadFromJsonAsync<RunResponse>();
        Assert.Equal(IncumbentInfo.PosteriorMean, noisyRun!.Best!.Basis);
        Assert.Equal(BenchmarkFunctions.Find("branin")!.Evaluate(noisyRun.Best.Point), noisyRun.BestTrueValue!.Value, 12);
    }

    [Fact]
    public async Task Variables_for_a_problem_with_its_own_kinds_are_a_400()
    {
        var response = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "mixedBranin",
            strategy = "ei",
            initialSamples = new { method = "sobol", count = 8 },
            maxEvaluations = 14,
            variables = Enumerable.Repeat(new { type = "continuous" }, 6),
        });
        await ProblemAssert.IsValidationProblemAsync(response, "variables");
    }
}
