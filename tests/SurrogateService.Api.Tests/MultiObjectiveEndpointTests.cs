using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Tests;

/// <summary>Several objectives through HTTP: ehvi and parego suggestions with the Pareto front, runs on built-in problems, and field-named errors.</summary>
public class MultiObjectiveEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // Ten points of [0, 1]² and their ZDT1 objectives (f1 = x1, f2 = g·(1 − √(x1/g)), g = 1 + 9·x2).
    private static readonly double[][] Points =
    [
        [0.05, 0.9], [0.2, 0.1], [0.35, 0.6], [0.5, 0.02], [0.65, 0.4], [0.8, 0.15], [0.95, 0.7], [0.1, 0.3], [0.7, 0.85], [0.3, 0.05],
    ];

    private static double[][] Zdt1Objectives() => Points.Select(p =>
    {
        var f = new double[2];
        new Zdt1().Evaluate(p, f, []);
        return f;
    }).ToArray();

    private static string Body(string strategy, object? objectives = null, string extra = "") =>
        $$"""{"strategy":"{{strategy}}","lowerBound":[0,0],"upperBound":[1,1],"points":{{JsonSerializer.Serialize(Points)}},"objectives":{{JsonSerializer.Serialize(objectives ?? Zdt1Objectives())}},"seed":5{{extra}}}""";

    private async Task<SuggestResponse> SuggestAsync(string body)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SuggestResponse>())!;
    }

    [Theory]
    [InlineData("ehvi")]
    [InlineData("parego")]
    public async Task Suggest_returns_the_pareto_front_with_its_hypervolume_and_a_derived_reference(string strategy)
    {
        var objectives = Zdt1Objectives();
        var body = await SuggestAsync(Body(strategy, extra: ""","batchSize":2"""));
        var front = body.ParetoFront!;
        var expected = ParetoDominance.NondominatedIndices(objectives);

        Assert.Equal(expected.Select(i => Points[i]), front.Points);
        Assert.Equal(expected.Select(i => objectives[i]), front.Values);
        Assert.True(front.ReferencePointDerived);
        Assert.Equal(ReferencePoint.Derive(front.Values), front.ReferencePoint);
        Assert.Equal(Hypervolume.Of(front.Values, front.ReferencePoint), front.Hypervolume, 12);
        Assert.Null(body.Incumbent);
        Assert.Equal(2, body.Points.Length);
        Assert.All(body.Points.SelectMany(p => p), x => Assert.InRange(x, 0, 1));
        Assert.All(body.Acquisition, a => Assert.True(a > 0));
    }

    [Fact]
    public async Task The_state_goes_round_and_a_given_reference_point_is_kept()
    {
        var first = await SuggestAsync(Body("ehvi", extra: ""","referencePoint":[11,11]"""));
        Assert.Equal(2, first.State.ObjectiveThetas!.Length);
        Assert.Equal([11.0, 11.0], first.ParetoFront!.ReferencePoint!);
        Assert.False(first.ParetoFront.ReferencePointDerived);

        var second = await SuggestAsync(Body("ehvi", extra: $$""","referencePoint":[11,11],"state":{{JsonSerializer.Serialize(first.State, JsonSerializerOptions.Web)}}"""));
        Assert.Equal(2, second.State.Iteration);
        Assert.Equal(first.State.ObjectiveThetas, second.State.ObjectiveThetas);
    }

    [Fact]
    public async Task Null_rows_and_entries_are_failed_evaluations_left_out_of_the_front()
    {
        var objectives = Zdt1Objectives().Select(r => r.Select(v => (double?)v).ToArray()).ToArray<double?[]?>();
        objectives[1] = null;
        objectives[3] = [null, 0.1];
        var body = await SuggestAsync(Body("parego", objectives));
        var succeeded = Zdt1Objectives().Where((_, i) => i != 1 && i != 3).ToArray();

        Assert.Equal(ParetoDominance.NondominatedIndices(succeeded).Length, body.ParetoFront!.Values.Length);
        Assert.DoesNotContain(body.ParetoFront.Points, p => p.SequenceEqual(Points[1]) || p.SequenceEqual(Points[3]));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { Body("ehvi", Zdt1Objectives().Take(9).ToArray()), "objectives" },
        { Body("ehvi", Zdt1Objectives().Select((r, i) => i == 4 ? [.. r, 1.0] : r).ToArray()), "objectives[4]" },
        { Body("ehvi", Zdt1Objectives().Select(r => new[] { r[0], r[1], 1, 2, 3 }).ToArray()), "objectives" },
        { Body("ehvi", extra: ""","referencePoint":[11]"""), "referencePoint" },
        { Body("ehvi", extra: ""","referencePoint":[0.5,11]"""), "referencePoint" },
        { Body("ei"), "objectives" },
        { Body("srbf"), "objectives" },
        { Body("ehvi", extra: ""","values":[1,2,3,4,5,6,7,8,9,10]"""), "values" },
        { Body("parego", extra: ""","constraints":[[1],[1],[1],[1],[1],[1],[1],[1],[1],[1]]"""), "constraints" },
        { Body("ehvi", extra: ""","gradients":[null,null,null,null,null,null,null,null,null,null]"""), "gradients" },
        { Body("ehvi", extra: ""","variables":[{"type":"integer"},{"type":"continuous"}]"""), "variables" },
        { """{"strategy":"ehvi","lowerBound":[0,0],"upperBound":[1,1],"points":[[0.1,0.1],[0.5,0.5]],"values":[1,2]}""", "objectives" },
        { """{"strategy":"ei","lowerBound":[0,0],"upperBound":[1,1],"points":[[0.1,0.1],[0.5,0.5]],"values":[1,2],"referencePoint":[1,1]}""", "referencePoint" },
        { Body("ehvi", extra: ""","state":{"strategy":"ehvi","iteration":1,"objectiveThetas":[[1,1],[1,-2]],"thetaPoints":10}"""), "state.objectiveThetas[1][1]" },
        { Body("ehvi", extra: ""","state":{"strategy":"ehvi","iteration":1,"objectiveThetas":[[1,1],[1,1],[1,1]],"thetaPoints":10}"""), "state.objectiveThetas" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_multi_objective_input_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/v1/optimization/suggest", JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("ehvi")]
    [InlineData("parego")]
    public async Task A_run_on_zdt1_reports_the_front_and_a_hypervolume_that_never_falls(string strategy)
    {
        var response = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of($$"""
            {"function":"zdt1","dimension":3,"strategy":"{{strategy}}","initialSamples":{"method":"sobol","count":8},"maxEvaluations":12,"seed":2}
            """));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var run = (await response.Content.ReadFromJsonAsync<RunResponse>())!;

        Assert.Null(run.Best);
        Assert.Equal(12, run.Trace.Count);
        Assert.All(run.Trace, t => Assert.Equal(2, t.Objectives!.Length));
        for (int i = 1; i < run.Trace.Count; i++)
            Assert.True(run.Trace[i].Hypervolume >= run.Trace[i - 1].Hypervolume);
        var values = run.Trace.Select(t => t.Objectives!.Select(v => v!.Value).ToArray()).ToArray();
        Assert.Equal([11.0, 11.0], run.ParetoFront!.ReferencePoint!);
        Assert.Equal(Hypervolume.Of(values, [11, 11]), run.ParetoFront.Hypervolume, 9);
        Assert.Equal(run.Trace[^1].Hypervolume, run.ParetoFront.Hypervolume);
    }

    [Theory]
    [InlineData("""{"function":"zdt1","strategy":"ei","initialSamples":{"count":5},"maxEvaluations":8}""", "strategy")]
    [InlineData("""{"function":"branin","strategy":"ehvi","initialSamples":{"count":5},"maxEvaluations":8}""", "strategy")]
    [InlineData("""{"function":"zdt2","strategy":"ehvi","initialSamples":{"count":5},"maxEvaluations":8,"referencePoint":[1,2,3]}""", "referencePoint")]
    [InlineData("""{"function":"zdt1","dimension":2,"strategy":"ehvi","initialSamples":{"count":5},"maxEvaluations":8,"variables":[{"type":"integer"},{"type":"continuous"}]}""", "variables")]
    [InlineData("""{"function":"branin","strategy":"ei","initialSamples":{"count":5},"maxEvaluations":8,"referencePoint":[1,2]}""", "referencePoint")]
    [InlineData("""{"function":"braninCurrin","dimension":3,"strategy":"ehvi","initialSamples":{"count":5},"maxEvaluations":8}""", "dimension")]
    [InlineData("""{"function":"nothing","strategy":"ehvi","initialSamples":{"count":5},"maxEvaluations":8}""", "function")]
    public async Task Bad_multi_objective_runs_are_a_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(body));
        await ProblemAssert.IsValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task The_plot_of_a_multi_objective_run_is_a_png_and_its_bad_traces_are_400s()
    {
        var runResponse = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(
            """{"function":"zdt2","dimension":3,"strategy":"parego","initialSamples":{"count":8},"maxEvaluations":10,"seed":1}"""));
        var run = (await runResponse.Content.ReadFromJsonAsync<RunResponse>())!;
        var plot = await _client.PostAsJsonAsync("/v1/plots/optimization", new { function = "zdt2", trace = run.Trace, width = 900, height = 400 });
        var bytes = await plot.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
        Assert.Equal("image/png", plot.Content.Headers.ContentType?.MediaType);
        var image = PngImage.Read(bytes);
        Assert.Equal(900, image.HeaderWidth);
        Assert.True(image.DistinctColours() > 20);

        var wrongLength = run.Trace.Select((t, i) => i == 2 ? t with { Objectives = [1.0] } : t).ToArray();
        await ProblemAssert.IsValidationProblemAsync(
            await _client.PostAsJsonAsync("/v1/plots/optimization", new { function = "zdt2", trace = wrongLength }), "trace[2].objectives");
        await ProblemAssert.IsValidationProblemAsync(
            await _client.PostAsJsonAsync("/v1/plots/optimization", new { function = "zdt2", trace = run.Trace, dimensions = new[] { 0, 1 } }), "dimensions");
    }
}
