using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>The source-location problem is a built-in function like the others: listed, evaluated, optimised, and its cost is bounded.</summary>
public class WaveSourceProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task It_is_listed_with_its_reference_source_as_the_known_minimum()
    {
        var info = JsonDocument.Parse(await _client.GetStringAsync("/v1/functions/waveSource")).RootElement;
        var minimum = info.GetProperty("minima")[0];
        Assert.Equal(0, minimum.GetProperty("value").GetDouble());
        Assert.Equal([6.3, 3.7], minimum.GetProperty("locations")[0].EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task A_whole_optimisation_run_locates_the_source()
    {
        var response = await _client.PostAsJsonAsync("/v1/optimization/runs", new
        {
            function = "waveSource", strategy = "srbf", maxEvaluations = 60, seed = 3,
            initialSamples = new { method = "sobol", count = 16 },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var run = JsonDocument.Parse(text).RootElement;
        var best = run.GetProperty("best").GetProperty("point").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Misfit 0 is at (6.3, 3.7); a run of 60 evaluations gets within a few tenths of it.
        Assert.True(Math.Abs(best[0] - 6.3) < 0.5 && Math.Abs(best[1] - 3.7) < 0.5, $"best point ({best[0]}, {best[1]}), value {run.GetProperty("best").GetProperty("value")}");
    }

    [Fact]
    public async Task Evaluations_past_the_costly_work_limit_are_refused_naming_the_limit()
    {
        var points = Enumerable.Range(0, 12_000).Select(i => new[] { 1 + 8.0 * (i % 100) / 100, 1 + 8.0 * (i / 100) / 120 }).ToArray();
        var response = await _client.PostAsJsonAsync("/v1/functions/waveSource/evaluate", new { points });
        Assert.Contains("Limits:MaxCostlyFunctionWork", await ProblemAssert.ErrorMessageAsync(response, "points"), StringComparison.Ordinal);
    }
}
