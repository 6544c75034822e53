using System.Net.Http.Json;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Every mistake in a plot request is a 400 that names the field, before anything is drawn.</summary>
public class PlotsBadInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Fit = """
        {"kind":"kriging","points":[[0,0],[5,5],[10,15],[-5,10]],"values":[55.6,18.3,10.9,17.5],"lowerBound":[-5,0],"upperBound":[10,15]}
        """;

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("""{"function":"nope"}""", "function")]
    [InlineData("""{}""", "function")]
    [InlineData("""{"function":"branin","points":[[1,2,3]]}""", "points[0]")]
    [InlineData("""{"function":"branin","points":[[1,2],[3]]}""", "points[1]")]
    [InlineData("""{"function":"branin","dimension":3}""", "dimension")]
    [InlineData("""{"function":"branin","width":50000}""", "width")]
    [InlineData("""{"function":"branin","height":50000}""", "height")]
    [InlineData("""{"function":"branin","width":4000,"height":4000}""", "width")]
    [InlineData("""{"function":"branin","width":10}""", "width")]
    [InlineData("""{"function":"branin","scale":100}""", "scale")]
    [InlineData("""{"function":"branin","resolution":1}""", "resolution")]
    [InlineData("""{"function":"branin","resolution":100000}""", "resolution")]
    [InlineData("""{"function":"branin","dimensions":[0,0]}""", "dimensions")]
    [InlineData("""{"function":"branin","dimensions":[0,2]}""", "dimensions[1]")]
    [InlineData("""{"function":"branin","dimensions":[0]}""", "dimensions")]
    [InlineData("""{"function":"branin","slice":[100,1]}""", "slice[0]")]
    [InlineData("""{"function":"hartmann6","slice":[0.5,0.5]}""", "slice")]
    [InlineData("""{"function":"gramacyLee","dimensions":[0,1]}""", "dimensions")]
    [InlineData("""{"function":"branin","samples":{"method":"sobol","count":8},"points":[[1,2]]}""", "samples")]
    [InlineData("""{"function":"branin","samples":{"method":"nope","count":8}}""", "samples.method")]
    [InlineData("""{"function":"branin","samples":{"method":"sobol"}}""", "samples.count")]
    [InlineData("""{"function":"branin","samples":{"method":"sobol","count":8,"options":{"nope":1}}}""", "samples.options.nope")]
    public async Task Function_plot(string body, string field) =>
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/plots/function", JsonBody.Of(body)), field);

    [Theory]
    [InlineData("""{"function":"nope","fit":FIT}""", "function")]
    [InlineData("""{"function":"hartmann3","fit":FIT}""", "function")]
    [InlineData("""{"function":"branin"}""", "model")]
    [InlineData("""{"fit":FIT,"model":{"kind":"kriging"}}""", "model")]
    [InlineData("""{"fit":{"kind":"nope"}}""", "fit.kind")]
    [InlineData("""{"fit":FIT,"width":100000}""", "width")]
    [InlineData("""{"fit":FIT,"resolution":0}""", "resolution")]
    [InlineData("""{"fit":FIT,"slice":[1]}""", "slice")]
    public async Task Surrogate_plot(string body, string field) =>
        await ProblemAssert.IsValidationProblemAsync(
            await _client.PostAsync("/v1/plots/surrogate", JsonBody.Of(body.Replace("FIT", Fit, StringComparison.Ordinal))), field);

    [Fact]
    public async Task Surrogate_plot_standard_error_of_a_kind_without_one()
    {
        string fit = Fit.Replace("kriging", "radialBasis", StringComparison.Ordinal);
        var response = await _client.PostAsync("/v1/plots/surrogate", JsonBody.Of($$"""{"fit":{{fit}},"includeStandardError":true}"""));
        await ProblemAssert.IsValidationProblemAsync(response, "includeStandardError");
    }

    [Theory]
    [InlineData("""{"function":"nope","trace":[{"point":[0,0],"value":1}]}""", "function")]
    [InlineData("""{"function":"branin"}""", "trace")]
    [InlineData("""{"function":"branin","trace":[]}""", "trace")]
    [InlineData("""{"function":"branin","trace":[{"point":[0,0,0],"value":1}]}""", "trace[0].point")]
    [InlineData("""{"function":"branin","trace":[{"point":[0,0],"value":1},{"point":[1],"value":2}]}""", "trace[1].point")]
    [InlineData("""{"function":"branin","trace":[{"point":[0,0]}]}""", "trace[0].value")]
    [InlineData("""{"function":"branin","trace":[{"point":[0,0],"value":1}],"height":99999}""", "height")]
    [InlineData("""{"function":"branin","trace":[{"point":[0,0],"value":1}],"resolution":99999}""", "resolution")]
    public async Task Optimization_plot(string body, string field) =>
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/plots/optimization", JsonBody.Of(body)), field);

    [Fact]
    public async Task Too_many_trace_entries_are_refused()
    {
        var trace = Enumerable.Range(0, 100_001).Select(i => new { point = new[] { 0.0, 0.0 }, value = 1.0 });
        var response = await _client.PostAsJsonAsync("/v1/plots/optimization", new { function = "branin", trace });
        await ProblemAssert.IsValidationProblemAsync(response, "trace");
    }
}
