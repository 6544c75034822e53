using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary><c>section</c> on POST /v1/samples: Surrogates.jl's SectionSample, some coordinates held fixed.</summary>
public class SectionSampleEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_section_holds_its_fixed_coordinates_and_samples_the_others_like_the_lower_dimensional_plan()
    {
        var section = await _client.PostAsJsonAsync("/v1/samples",
            new { method = "halton", count = 20, lowerBound = new[] { -5.0, 0, 2 }, upperBound = new[] { 10.0, 15, 3 }, seed = 3, section = new double?[] { null, 7.5, null } });
        var plain = await _client.PostAsJsonAsync("/v1/samples",
            new { method = "halton", count = 20, lowerBound = new[] { -5.0, 2 }, upperBound = new[] { 10.0, 3 }, seed = 3 });
        Assert.Equal(HttpStatusCode.OK, section.StatusCode);
        var points = (await section.Content.ReadFromJsonAsync<SampleResponse>())!.Points;
        var reference = (await plain.Content.ReadFromJsonAsync<SampleResponse>())!.Points;

        Assert.Equal(reference.Select(p => new[] { p[0], 7.5, p[1] }), points);
    }

    [Theory]
    [InlineData("[null, 16]", "section[1]")]
    [InlineData("[-5.5, null]", "section[0]")]
    [InlineData("[null]", "section")]
    [InlineData("[1, 2]", "section")]
    [InlineData("[null, \"x\"]", "section[1]")]
    public async Task A_bad_section_is_a_400_naming_the_field(string section, string field)
    {
        string body = $$"""{"method":"sobol","count":8,"lowerBound":[-5,0],"upperBound":[10,15],"section":{{section}}}""";
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/samples", JsonBody.Of(body)), field);
    }
}
