using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

public class SamplesEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sobol_default_reproduces_the_Surrogates_jl_reference_points()
    {
        // NUMERICS.md: sample(8, [-5,0], [10,15]) with Surrogates.jl's skip rule.
        double[][] expected =
        [
            [-2.1875, 4.6875], [5.3125, 12.1875], [9.0625, 0.9375], [1.5625, 8.4375],
            [-0.3125, 2.8125], [7.1875, 10.3125], [3.4375, 6.5625], [-4.0625, 14.0625],
        ];
        var response = await _client.PostAsJsonAsync("/v1/samples",
            new { method = "sobol", count = 8, lowerBound = new[] { -5.0, 0 }, upperBound = new[] { 10.0, 15 } });
        var body = await response.Content.ReadFromJsonAsync<SampleResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body!.Points);
    }

    [Fact]
    public async Task Returned_seed_reproduces_a_random_plan()
    {
        var request = new { method = "latinHypercube", count = 12, lowerBound = new[] { 0.0, 0, 0 }, upperBound = new[] { 1.0, 2, 3 }, options = new { jitter = "random" } };
        var first = await (await _client.PostAsJsonAsync("/v1/samples", request)).Content.ReadFromJsonAsync<SampleResponse>();
        var again = await (await _client.PostAsJsonAsync("/v1/samples", request with { })).Content.ReadFromJsonAsync<SampleResponse>();
        var replay = await (await _client.PostAsJsonAsync("/v1/samples", new
        {
            request.method, request.count, request.lowerBound, request.upperBound, request.options, seed = first!.Seed,
        })).Content.ReadFromJsonAsync<SampleResponse>();

        Assert.Equal(first.Points, replay!.Points);
        Assert.NotEqual(first.Points, again!.Points);
        Assert.All(first.Points, p => Assert.True(p[0] is >= 0 and <= 1 && p[1] is >= 0 and <= 2 && p[2] is >= 0 and <= 3));
    }

    [Fact]
    public async Task Lists_every_method_with_its_options()
    {
        var methods = await _client.GetFromJsonAsync<SamplingMethodInfo[]>("/v1/samples/methods");

        string[] expected = ["golden", "grid", "halton", "kronecker", "latinHypercube", "sobol", "uniform"];
        Assert.Equal(expected, methods!.Select(m => m.Name).Order(StringComparer.Ordinal));
        var sobol = Assert.Single(methods!, m => m.Name == "sobol");
        Assert.Contains(sobol.Options, o => o.Name == "scramble" && o.Type == "boolean");
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"count":5,"lowerBound":[0],"upperBound":[1]}""", "method" },
        { """{"method":"nosuch","count":5,"lowerBound":[0],"upperBound":[1]}""", "method" },
        { """{"method":"sobol","lowerBound":[0],"upperBound":[1]}""", "count" },
        { """{"method":"sobol","count":0,"lowerBound":[0],"upperBound":[1]}""", "count" },
        { """{"method":"sobol","count":100001,"lowerBound":[0],"upperBound":[1]}""", "count" },
        { """{"method":"sobol","count":5,"upperBound":[1]}""", "lowerBound" },
        { """{"method":"sobol","count":5,"lowerBound":[],"upperBound":[]}""", "lowerBound" },
        { """{"method":"sobol","count":5,"lowerBound":[0,0],"upperBound":[1]}""", "upperBound" },
        { """{"method":"sobol","count":5,"lowerBound":[0,1],"upperBound":[1,1]}""", "lowerBound[1]" },
        { """{"method":"sobol","count":5,"lowerBound":[2],"upperBound":[1]}""", "lowerBound[0]" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1e400]}""", "upperBound[0]" },
        { """{"method":"sobol","count":5,"lowerBound":[-1e308],"upperBound":[1e308]}""", "upperBound[0]" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1],"seed":-1}""", "seed" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1],"options":{"nope":1}}""", "options.nope" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1],"options":{"scramble":"yes"}}""", "options.scramble" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1],"options":{"sequence":"odd"}}""", "options.sequence" },
        { """{"method":"sobol","count":5,"lowerBound":[0],"upperBound":[1],"options":[1]}""", "options" },
        { """{"method":"grid","count":5,"lowerBound":[0,0],"upperBound":[1,1],"options":{"pointsPerDimension":3}}""", "options" },
        { """{"method":"latinHypercube","count":5,"lowerBound":[0],"upperBound":[1],"options":{"maximinIterations":-3}}""", "options.maximinIterations" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_sampling_request_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/v1/samples", JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Unknown_method_error_lists_the_valid_methods()
    {
        var response = await _client.PostAsync("/v1/samples", JsonBody.Of("""{"method":"nosuch","count":5,"lowerBound":[0],"upperBound":[1]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "method");
        Assert.Contains("latinHypercube", message, StringComparison.Ordinal);
    }
}
