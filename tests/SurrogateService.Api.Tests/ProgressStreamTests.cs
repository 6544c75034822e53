using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Tests;

/// <summary>
/// Progress as newline-delimited JSON on the long routes: lines in order as the work goes, a last
/// line equal to the plain response for the same request, and work that stops when the client leaves.
/// </summary>
public class ProgressStreamTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Ndjson = "application/x-ndjson";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_run_streams_every_evaluation_in_order_then_the_plain_response()
    {
        const string body = """{"function":"branin","strategy":"ei","initialSamples":{"method":"sobol","count":6},"maxEvaluations":14,"batchSize":3,"seed":5}""";

        var plain = await PlainAsync("/v1/optimization/runs", body);
        var lines = await LinesAsync("/v1/optimization/runs", body);

        var evaluations = lines[..^1];
        Assert.Equal(14, evaluations.Count);
        var branin = BenchmarkFunctions.Find("branin")!;
        double best = double.PositiveInfinity;
        for (int k = 0; k < evaluations.Count; k++)
        {
            var line = evaluations[k]!;
            Assert.Equal("evaluation", (string?)line["type"]);
            Assert.Equal(k + 1, (int)line["evaluations"]!);
            Assert.Equal(14, (int)line["maxEvaluations"]!);
            double[] point = line["point"]!.AsArray().Select(v => (double)v!).ToArray();
            double value = (double)line["value"]!;
            Assert.Equal(branin.Evaluate(point), value, 1e-12);
            best = Math.Min(best, value);
            Assert.Equal(best, (double)line["bestSoFar"]!);
        }
        AssertResultEquals(plain, lines[^1]);
        // The lines are the trace, entry by entry.
        var trace = plain["trace"]!.AsArray();
        for (int k = 0; k < trace.Count; k++)
            Assert.True(JsonNode.DeepEquals(trace[k]!["point"], evaluations[k]!["point"]));
    }

    [Fact]
    public async Task Sobol_streams_its_blocks_and_resamples_then_the_plain_response()
    {
        const string body = """
            {"fit":{"kind":"linear","points":[[0,0,0],[1,0,0.5],[0,2,1],[1,2,0.2],[0.5,1,0.7],[0.2,1.5,0.9]],"values":[0,2,2,4,2,1.9],
             "lowerBound":[0,0,0],"upperBound":[1,2,1]},"samples":512,"bootstrap":300,"seed":3}
            """;

        var plain = await PlainAsync("/v1/sensitivity/sobol", body);
        var lines = await LinesAsync("/v1/sensitivity/sobol", body);

        var stages = lines[..^1].Select(l => ((string)l!["stage"]!, (int)l["completed"]!, (int)l["total"]!)).ToArray();
        Assert.All(lines[..^1], l => Assert.Equal("stage", (string?)l!["type"]));
        // d + 2 = 5 blocks of the design, one line each, then the bootstrap every 3 of 300 resamples.
        Assert.Equal(Enumerable.Range(1, 5).Select(k => ("evaluation", k, 5)), stages[..5]);
        Assert.Equal(Enumerable.Range(1, 100).Select(k => ("bootstrap", 3 * k, 300)), stages[5..]);
        AssertResultEquals(plain, lines[^1]);
    }

    [Fact]
    public async Task Auto_fit_streams_each_candidate_then_the_plain_response()
    {
        const string body = """
            {"kind":"auto","points":[[0,0],[1,0],[0,1],[1,1],[0.5,0.5],[0.2,0.8],[0.7,0.3],[0.4,0.1],[0.9,0.6],[0.1,0.4]],
             "values":[0,1,1,2,1,1,1,0.5,1.5,0.5],"lowerBound":[0,0],"upperBound":[1,1]}
            """;

        var plain = await PlainAsync("/v1/surrogates/fit", body);
        var lines = await LinesAsync("/v1/surrogates/fit", body);

        var stages = lines[..^1];
        var fitted = stages.Where(l => (string?)l!["stage"] == "fitted").ToArray();
        var candidates = plain["diagnostics"]!["candidates"]!.AsArray();
        Assert.Equal(candidates.Select(c => (string?)c!["kind"]), fitted.Select(l => (string?)l!["kind"]));
        Assert.Equal(Enumerable.Range(1, fitted.Length), fitted.Select(l => (int)l!["completed"]!));
        // Every candidate that could be tried was announced before it was done.
        foreach (var done in fitted.Where(l => l!["error"] is null))
            Assert.Contains(stages.Take(stages.IndexOf(done)), l => (string?)l!["stage"] == "fitting" && (string?)l["kind"] == (string?)done!["kind"]);
        AssertResultEquals(plain, lines[^1]);
    }

    [Fact]
    public async Task Data_a_kind_cannot_fit_ends_the_stream_with_the_plain_problem()
    {
        // Duplicate points with different values: valid JSON and shapes, refused by the fit itself.
        const string body = """{"kind":"kriging","points":[[0.5],[0.5],[0.1]],"values":[1,2,3],"lowerBound":[0],"upperBound":[1]}""";

        var plain = await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(body));
        var lines = await LinesAsync("/v1/surrogates/fit", body);

        var expected = JsonNode.Parse((await ProblemAssert.IsValidationProblemAsync(plain, "points")).GetRawText())!.AsObject();
        Assert.Equal("error", (string?)lines[^1]!["type"]);
        var problem = lines[^1]!["problem"]!.AsObject();
        // The same problem but for the trace id, which names each request.
        Assert.NotNull(problem["traceId"]);
        expected.Remove("traceId");
        problem.Remove("traceId");
        Assert.True(JsonNode.DeepEquals(expected, problem), $"plain {expected.ToJsonString()}\nstream {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Bad_input_is_still_a_400_problem_before_any_stream()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/optimization/runs")
        {
            Content = JsonBody.Of("""{"function":"bananas","maxEvaluations":10}"""),
        };
        request.Headers.Accept.ParseAdd(Ndjson);

        await ProblemAssert.IsValidationProblemAsync(await _client.SendAsync(request), "function");
    }

    [Fact]
    public async Task A_client_that_leaves_stops_the_run()
    {
        // The evaluations of this function, counted by the service's own metric.
        long evaluations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceMetrics.MeterName && instrument.Name == "optimization.objective.evaluations")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "function" && (string?)tag.Value == "sixHumpCamel")
                    Interlocked.Add(ref evaluations, value);
            }
        });
        listener.Start();
        const int budget = 200;
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/optimization/runs")
        {
            Content = JsonBody.Of($$"""{"function":"sixHumpCamel","strategy":"ei","initialSamples":{"method":"sobol","count":8},"maxEvaluations":{{budget}},"batchSize":1,"seed":2}"""),
        };
        request.Headers.Accept.ParseAdd(Ndjson);

        using (var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            for (int k = 0; k < 10; k++)
                Assert.Equal("evaluation", (string?)JsonNode.Parse((await reader.ReadLineAsync())!)!["type"]);
        }

        // The run stops at its next round and its request lets go of its heavy-work slot; the run
        // computes inside the request, so from then on the count cannot move.
        var pool = factory.Services.GetRequiredService<HeavyWorkPool>();
        await Condition.WaitUntil(() => pool.InUse == 0, "the abandoned run gives its slot back");
        Assert.InRange(Interlocked.Read(ref evaluations), 10, budget - 1);
    }

    private async Task<JsonNode> PlainAsync(string route, string body)
    {
        var response = await _client.PostAsync(route, JsonBody.Of(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    private async Task<List<JsonNode?>> LinesAsync(string route, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonBody.Of(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Ndjson));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Ndjson, response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text.TrimEnd('\n').Split('\n').Select(line => JsonNode.Parse(line)).ToList();
    }

    private static void AssertResultEquals(JsonNode plain, JsonNode? last)
    {
        Assert.Equal("result", (string?)last!["type"]);
        Assert.True(JsonNode.DeepEquals(plain, last["result"]), $"plain {plain.ToJsonString()}\nstream {last["result"]?.ToJsonString()}");
    }
}
