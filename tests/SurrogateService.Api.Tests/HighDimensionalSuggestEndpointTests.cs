using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Tests;

/// <summary>Optimisation with many inputs (issue 21): the lifted limits, the work limit, and KPLS's option through HTTP.</summary>
public class HighDimensionalSuggestEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>n seeded uniform points in [0, 1]^d with the values of a sphere centred at 0.3.</summary>
    private static JsonObject SphereBody(string strategy, int n, int d, JsonObject? surrogate = null)
    {
        var random = new DeterministicRandom(11);
        var points = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var body = new JsonObject
        {
            ["strategy"] = strategy,
            ["lowerBound"] = Node(new double[d]),
            ["upperBound"] = Node(Enumerable.Repeat(1.0, d).ToArray()),
            ["points"] = Node(points),
            ["values"] = Node(points.Select(p => p.Sum(x => (x - 0.3) * (x - 0.3))).ToArray()),
            ["seed"] = 1,
        };
        if (surrogate is not null)
            body["surrogate"] = surrogate;
        return body;
    }

    private static JsonNode Node<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

    [Fact]
    public async Task An_ei_ask_in_a_hundred_dimensions_suggests_a_point_in_the_box_and_keeps_theta_in_the_state()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(SphereBody("ei", 40, 100).ToJsonString()));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var suggestion = System.Text.Json.JsonSerializer.Deserialize<SuggestResponse>(text, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal(100, suggestion.Points[0].Length);
        Assert.All(suggestion.Points[0], x => Assert.InRange(x, 0, 1));
        Assert.Equal(100, suggestion.State.Theta!.Length);
        Assert.Equal(40, suggestion.State.ThetaPoints);
    }

    [Fact]
    public async Task More_points_than_the_work_limit_allows_in_this_dimension_are_a_400_naming_points()
    {
        // 1 001² × 100 > 10⁸ (Limits:MaxOptimizationWork), while 1 001 points and 100 inputs are each within their own limits.
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(SphereBody("srbf", 1001, 100).ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "points");
    }

    [Fact]
    public async Task A_run_whose_budget_exceeds_the_work_limit_in_its_dimension_is_a_400_naming_max_evaluations()
    {
        var response = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(new JsonObject
        {
            ["function"] = "ackley",
            ["dimension"] = 100,
            ["strategy"] = "dycors",
            ["initialSamples"] = JsonNode.Parse("{\"method\":\"sobol\",\"count\":10}"),
            ["maxEvaluations"] = 1500,
        }.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "maxEvaluations");
    }

    [Theory]
    [InlineData(0.0, "surrogate.options.components")]
    [InlineData(31.0, "surrogate.options.components")]
    [InlineData(2.5, "surrogate.options.components")]
    public async Task Components_outside_one_to_d_in_a_suggest_are_a_400_naming_them(double components, string field)
    {
        var surrogate = new JsonObject { ["kind"] = "kriging", ["options"] = new JsonObject { ["components"] = components } };
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(SphereBody("ei", 20, 30, surrogate).ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_KPLS_fit_returns_the_usual_kriging_document_with_one_theta_per_input()
    {
        var response = await FitKplsAsync(components: 2);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var fit = System.Text.Json.JsonSerializer.Deserialize<FitResponse>(text, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal("kriging", fit.Model.Kind);
        Assert.Equal(12, fit.Model.Parameters!["theta"].Length);
        Assert.NotNull(fit.Diagnostics.LogLikelihood);
    }

    [Fact]
    public async Task KPLS_components_beyond_the_inputs_in_a_fit_are_a_400_naming_options_components()
    {
        var response = await FitKplsAsync(components: 13);
        await ProblemAssert.IsValidationProblemAsync(response, "options.components");
    }

    /// <summary>A Kriging fit of 30 sphere points in 12 inputs with the given KPLS <paramref name="components"/>.</summary>
    private Task<HttpResponseMessage> FitKplsAsync(int components)
    {
        var body = SphereBody("ei", 30, 12);
        return _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(new JsonObject
        {
            ["kind"] = "kriging",
            ["points"] = body["points"]!.DeepClone(),
            ["values"] = body["values"]!.DeepClone(),
            ["lowerBound"] = body["lowerBound"]!.DeepClone(),
            ["upperBound"] = body["upperBound"]!.DeepClone(),
            ["options"] = new JsonObject { ["components"] = components },
        }.ToJsonString()));
    }

    [Fact]
    public async Task A_turbo_batch_in_fifty_dimensions_lies_in_the_box_and_its_state_continues_the_campaign()
    {
        var body = SphereBody("turbo", 30, 50);
        body["batchSize"] = 3;
        var first = await SuggestAsync(body);
        Assert.Equal(3, first.Points.Length);
        Assert.All(first.Points, p => Assert.All(p, x => Assert.InRange(x, 0, 1)));
        Assert.Equal("turbo", first.State.Strategy);
        Assert.Equal(0.8, first.State.StepSize);
        body["state"] = Node(first.State);
        var next = await SuggestAsync(body);
        Assert.Equal(2, next.State.Iteration);
    }

    [Fact]
    public async Task A_turbo_state_sent_to_ei_is_a_400_naming_state_strategy()
    {
        var body = SphereBody("turbo", 20, 30);
        var first = await SuggestAsync(body);
        body["strategy"] = "ei";
        body["state"] = Node(first.State);
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "state.strategy");
    }

    [Fact]
    public async Task A_turbo_state_of_another_dimension_is_a_400_naming_state_theta()
    {
        var first = await SuggestAsync(SphereBody("turbo", 20, 30));
        var body = SphereBody("turbo", 20, 31);
        body["state"] = Node(first.State);
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "state.theta");
    }

    [Fact]
    public async Task A_turbo_state_whose_run_starts_beyond_the_points_is_a_400_naming_state_initial_points()
    {
        var first = await SuggestAsync(SphereBody("turbo", 20, 30));
        var body = SphereBody("turbo", 10, 30);
        body["state"] = Node(first.State with { InitialPoints = 15 });
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "state.initialPoints");
    }

    [Fact]
    public async Task Integer_variables_with_turbo_are_a_400_naming_variables()
    {
        var body = SphereBody("turbo", 10, 3);
        body["lowerBound"] = Node(new double[] { 0, 0, 0 });
        body["upperBound"] = Node(new double[] { 1, 1, 4 });
        body["points"] = Node(Enumerable.Range(0, 10).Select(i => new double[] { i / 10.0, (i * 7 % 10) / 10.0, i % 5 }).ToArray());
        body["variables"] = JsonNode.Parse("[{\"type\":\"continuous\"},{\"type\":\"continuous\"},{\"type\":\"integer\"}]");
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        await ProblemAssert.IsValidationProblemAsync(response, "variables");
    }

    private async Task<SuggestResponse> SuggestAsync(JsonObject body)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.ToJsonString()));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return System.Text.Json.JsonSerializer.Deserialize<SuggestResponse>(text, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }
}
