using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class ConstrainedSuggestEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // Five points of Gramacy et al.'s toy problem: f = x1 + x2, c1 = 3/2 − x1 − 2x2 − ½sin(2π(x1² − 2x2)), c2 = x1² + x2² − 3/2.
    private const string Known = """
        "lowerBound":[0,0],"upperBound":[1,1],
        "points":[[0,0],[0.9,0.9],[0.2,0.45],[0.5,0.5],[0.7,0.1]],
        "values":[0,1.8,0.65,1.0,0.8]
        """;

    [Fact]
    public async Task Suggest_with_constraints_flags_feasible_points_and_keeps_the_best_feasible_as_incumbent()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""
            {"strategy":"ei",{{Known}},
             "constraints":[[1.5,-1.5],[-0.2,-0.1],[-0.05,-1.3],[null,-1],[0.3,-1]],"seed":3}
            """));
        var body = await response.Content.ReadFromJsonAsync<SuggestResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([false, true, true, false, false], body!.Feasible!);
        Assert.Equal([0.2, 0.45], body.Incumbent!.Point);
        Assert.All(Assert.Single(body.Points), x => Assert.InRange(x, 0, 1));
    }

    [Fact]
    public async Task Suggest_without_constraints_leaves_feasible_out()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{"strategy":"ei",{{Known}}}"""));
        var body = await response.Content.ReadFromJsonAsync<SuggestResponse>();
        Assert.Null(body!.Feasible);
        Assert.Equal([0.0, 0.0], body.Incumbent!.Point);
    }

    public static TheoryData<string, string> BadConstraints => new()
    {
        { """{"strategy":"ei",KNOWN,"constraints":[[1],[1],[1],[1]]}""", "constraints" },
        { """{"strategy":"ei",KNOWN,"constraints":[[1],[1,2],[1],[1],[1]]}""", "constraints[1]" },
        { """{"strategy":"ei",KNOWN,"constraints":[[],[],[],[],[]]}""", "constraints[0]" },
        { """{"strategy":"ei",KNOWN,"constraints":[[1],null,[1],[1],[1]]}""", "constraints[1]" },
        { """{"strategy":"srbf",KNOWN,"constraints":[[1],[1],[1],[1],[1]]}""", "constraints" },
        { """{"strategy":"ei",KNOWN,"constraints":[[1,1,1,1,1,1,1,1,1],[1,1,1,1,1,1,1,1,1],[1,1,1,1,1,1,1,1,1],[1,1,1,1,1,1,1,1,1],[1,1,1,1,1,1,1,1,1]]}""", "constraints[0]" },
    };

    [Theory]
    [MemberData(nameof(BadConstraints))]
    public async Task Badly_shaped_constraints_are_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body.Replace("KNOWN", Known, StringComparison.Ordinal)));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }
}
