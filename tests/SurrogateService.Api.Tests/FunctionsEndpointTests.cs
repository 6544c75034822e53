using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class FunctionsEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Lists_every_function_with_domain_and_minima()
    {
        var functions = await _client.GetFromJsonAsync<FunctionInfo[]>("/v1/functions");

        Assert.NotNull(functions);
        // The 13 functions, Currin's two fidelities, the wave source problem and the six problems with several
        // objectives, constraints or discrete inputs.
        Assert.Equal(22, functions.Length);
        var branin = Assert.Single(functions, f => f.Name == "branin");
        Assert.Equal(2, branin.Dimension);
        Assert.Equal([-5.0, 0.0], branin.LowerBound);
        Assert.Equal([10.0, 15.0], branin.UpperBound);
        Assert.Equal(0.397887, Assert.Single(branin.Minima).Value, 1e-6);
        Assert.Equal(3, branin.Minima[0].Locations.Count);
    }

    [Fact]
    public async Task Describes_a_d_dimensional_function_in_the_asked_dimension()
    {
        var rosenbrock = await _client.GetFromJsonAsync<FunctionInfo>("/v1/functions/ROSENBROCK?dimension=5");

        Assert.NotNull(rosenbrock);
        Assert.Equal(5, rosenbrock.Dimension);
        Assert.Equal(5, rosenbrock.LowerBound.Length);
        Assert.Equal(Enumerable.Repeat(1.0, 5), Assert.Single(Assert.Single(rosenbrock.Minima).Locations));
    }

    [Fact]
    public async Task Evaluates_branin_at_its_three_minima_and_a_hand_computed_point()
    {
        var response = await _client.PostAsJsonAsync("/v1/functions/branin/evaluate",
            new { points = new[] { new[] { -Math.PI, 12.275 }, [Math.PI, 2.275], [9.42478, 2.475], [0.0, 0.0] } });
        var body = await response.Content.ReadFromJsonAsync<EvaluateResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, body!.Values!.Length);
        Assert.All(body.Values.Take(3), v => Assert.Equal(0.397887, v, 1e-5));
        // (0 − 0 + 0 − 6)² + 10(1 − 1/(8π))·cos 0 + 10
        Assert.Equal(36 + 10 * (1 - 1 / (8 * Math.PI)) + 10, body.Values[3], 1e-12);
    }

    [Fact]
    public async Task Evaluates_a_d_dimensional_function_in_the_dimension_of_the_points()
    {
        var response = await _client.PostAsJsonAsync("/v1/functions/sphere/evaluate",
            new { points = new[] { new[] { 1.0, 2.0, 3.0, 4.0 } } });
        var body = await response.Content.ReadFromJsonAsync<EvaluateResponse>();

        Assert.Equal(30.0, Assert.Single(body!.Values!), 1e-12);
    }

    [Fact]
    public async Task Lists_the_problems_with_objectives_constraints_variable_kinds_and_fronts()
    {
        var functions = await _client.GetFromJsonAsync<FunctionInfo[]>("/v1/functions");

        var branin = Assert.Single(functions!, f => f.Name == "branin");
        Assert.Equal((1, 0, null, null), (branin.Objectives, branin.Constraints, branin.Variables, branin.ParetoFront));
        var toy = Assert.Single(functions!, f => f.Name == "gramacyToy");
        Assert.Equal((1, 2), (toy.Objectives, toy.Constraints));
        Assert.Equal(0.5998, Assert.Single(toy.Minima).Value);
        var zdt1 = Assert.Single(functions!, f => f.Name == "zdt1");
        Assert.Equal((2, 6), (zdt1.Objectives, zdt1.Dimension));
        Assert.Equal([11.0, 11.0], zdt1.ParetoFront!.ReferencePoint);
        Assert.Equal(120 + 2.0 / 3, zdt1.ParetoFront.Hypervolume, 12);
        Assert.All(zdt1.ParetoFront.Values, v => Assert.Equal(1 - Math.Sqrt(v[0]), v[1], 12));
        var mixed = Assert.Single(functions!, f => f.Name == "mixedBranin");
        Assert.Equal(["categorical", "categorical", "integer", "integer", "continuous", "continuous"], mixed.Variables!.Select(v => v.Kind));
        Assert.Equal(["A", "B"], mixed.Variables![0].Levels);
    }

    [Fact]
    public async Task Evaluates_objectives_and_constraints_of_the_problems()
    {
        var toy = await (await _client.PostAsJsonAsync("/v1/functions/gramacyToy/evaluate",
            new { points = new[] { new[] { 0.0, 0.0 } } })).Content.ReadFromJsonAsync<EvaluateResponse>();
        Assert.Equal([0.0], toy!.Values!);
        Assert.Null(toy.Objectives);
        Assert.Equal([1.5, -1.5], Assert.Single(toy.Constraints!));

        var zdt = await (await _client.PostAsJsonAsync("/v1/functions/zdt2/evaluate",
            new { points = new[] { new[] { 0.5, 0, 0 }, [0.5, 1, 1] } })).Content.ReadFromJsonAsync<EvaluateResponse>();
        Assert.Null(zdt!.Values);
        Assert.Null(zdt.Constraints);
        // g = 1: f2 = 1 − 0.25; g = 10: f2 = 10·(1 − 0.05²).
        Assert.Equal([0.5, 0.75], zdt.Objectives![0]);
        Assert.Equal(10 * (1 - 0.0025), zdt.Objectives[1][1], 12);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/v1/functions/mixedBranin/evaluate", """{"points":[[0,0,1.5,1,0.5,0.5]]}""", "points[0][2]" },
        { "/v1/functions/mixedBranin/evaluate", """{"points":[[0,2,1,1,0.5,0.5]]}""", "points[0][1]" },
        { "/v1/functions/zdt1/evaluate", """{"points":[[0.5]]}""", "points[0]" },
        { "/v1/functions/nosuch/evaluate", """{"points":[[1,2]]}""", "name" },
        { "/v1/functions/branin/evaluate", """{}""", "points" },
        { "/v1/functions/branin/evaluate", """{"points":[]}""", "points" },
        { "/v1/functions/branin/evaluate", """{"points":[[]]}""", "points[0]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,2],[3]]}""", "points[1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,2],null]}""", "points[1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,2,3]]}""", "points[0]" },
        { "/v1/functions/hartmann6/evaluate", """{"points":[[1,2]]}""", "points[0]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,1e400]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1e300,1e300]]}""", "points[0]" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_evaluation_is_a_400_naming_the_field(string path, string body, string field)
    {
        var response = await _client.PostAsync(path, JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Unknown_function_error_lists_the_valid_names()
    {
        var response = await _client.PostAsync("/v1/functions/nosuch/evaluate", JsonBody.Of("""{"points":[[1,2]]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "name");
        Assert.Contains("branin", message, StringComparison.Ordinal);
        Assert.Contains("hartmann6", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_rejects_a_dimension_out_of_range()
    {
        var response = await _client.GetAsync("/v1/functions/branin?dimension=3");
        await ProblemAssert.IsValidationProblemAsync(response, "dimension");
    }

    [Fact]
    public async Task Too_many_points_is_a_400_that_states_the_limit()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:MaxEvaluationPoints", "3"));
        var response = await limited.CreateClient().PostAsync("/v1/functions/branin/evaluate",
            JsonBody.Of("""{"points":[[1,2],[1,2],[1,2],[1,2]]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "points");
        Assert.Contains("3", message, StringComparison.Ordinal);
    }
}
