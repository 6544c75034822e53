using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Malformed bodies never reach a handler: they are 400s naming the field, on every POST endpoint.</summary>
public class BindingErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "/v1/functions/branin/evaluate", """{"points":[[1,NaN]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,"NaN"]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,"Infinity"]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,-Infinity]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,1e400]]}""", "points[0][1]" },
        { "/v1/functions/branin/evaluate", """{"points":[[1,2]""", "points[1]" },
        { "/v1/functions/branin/evaluate", """{"points":"many"}""", "points" },
        { "/v1/functions/branin/evaluate", """[1,2]""", "body" },
        { "/v1/samples", """{"method":"sobol","count":1e400}""", "count" },
        { "/v1/samples", """{"method":"sobol","count":2.5}""", "count" },
        { "/v1/samples", """{"method":"sobol","count":10,"lowerBound":[0,"x"]}""", "lowerBound[1]" },
        { "/v1/samples", """{"method":7}""", "method" },
        { "/v1/samples", "", "body" },
        { "/v1/samples", "null", "body" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_body_is_a_400_naming_the_field(string path, string body, string field)
    {
        var response = await _client.PostAsync(path, JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Non_finite_number_error_explains_itself()
    {
        var response = await _client.PostAsync("/v1/functions/branin/evaluate", JsonBody.Of("""{"points":[[1,"NaN"]]}"""));
        string message = await ProblemAssert.ErrorMessageAsync(response, "points[0][1]");
        Assert.Contains("finite", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await _client.GetAsync("/v1/nothing-here");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
