using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Ask–tell with the objective's gradients: expected improvement on gradient-enhanced Kriging.</summary>
public class GradientSuggestEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // f(x) = (x − 0.3)² on [0, 1], known at both ends: the values alone say nothing about where the minimum is, the slopes −0.6 and 1.4 do.
    private const string Known = """
        "strategy":"ei","lowerBound":[0],"upperBound":[1],"points":[[0],[1]],"values":[0.09,0.49],"seed":1
        """;

    [Fact]
    public async Task With_gradients_expected_improvement_goes_to_the_minimum_they_imply()
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{{{Known}},"gradients":[[-0.6],[1.4]]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<SuggestResponse>())!;
        Assert.Empty(body.Warnings);
        Assert.InRange(Assert.Single(body.Points)[0], 0.2, 0.4);

        // Without them the same values send it elsewhere.
        var valuesOnly = (await (await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{{{Known}}}"""))).Content.ReadFromJsonAsync<SuggestResponse>())!;
        Assert.True(Math.Abs(Assert.Single(valuesOnly.Points)[0] - 0.3) > 0.2, $"values only: {valuesOnly.Points[0][0]}");

        var batch = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of($$"""{{{Known}},"gradients":[[-0.6],null],"batchSize":3}"""));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal(3, (await batch.Content.ReadFromJsonAsync<SuggestResponse>())!.Points.Length);
    }

    public static TheoryData<string, string> BadGradients => new()
    {
        { $$"""{{{Known}},"gradients":[[-0.6]]}""", "gradients" },
        { $$"""{{{Known}},"gradients":[[-0.6],[1.4, 2]]}""", "gradients[1]" },
        { """{"strategy":"srbf","lowerBound":[0],"upperBound":[1],"points":[[0],[1]],"values":[0.09,0.49],"gradients":[[-0.6],[1.4]]}""", "gradients" },
    };

    [Theory]
    [MemberData(nameof(BadGradients))]
    public async Task Bad_gradients_are_400_naming_the_field(string body, string field) =>
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body)), field);
}
