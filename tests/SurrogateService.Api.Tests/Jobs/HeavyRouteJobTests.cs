using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// Every heavy route runs as a job (fits, Sobol' studies, wave simulations): the job's result is the synchronous
/// route's answer byte for byte, and the job limits admit more than the synchronous ones (made small here so the
/// work stays cheap: each job limit is ten times its synchronous counterpart, as by default).
/// </summary>
public sealed class HeavyRouteJobTests : IDisposable
{
    private const string Wave = "/v1/simulations/acoustic2d";

    // (23 + 32) × 41 = 2 255 cell updates per step: the synchronous limit admits 88 steps, the job limit 886.
    private const string SmallRun =
        """ "nx":23,"ny":41,"lx":30,"ly":16,"bulkModulus":2,"density":0.5,"steps":30,"snapshotEvery":10,"cflFactor":3,"pulse":{"centre":[12,7],"width":2.5} """;

    private readonly JobsFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["Limits:MaxRequestBodyBytes"] = "20000",
        ["Limits:JobMaxRequestBodyBytes"] = "200000",
        ["Limits:MaxWaveCellSteps"] = "200000",
        ["Limits:JobMaxWaveCellSteps"] = "2000000",
        ["Limits:MaxSensitivityEvaluations"] = "5000",
        ["Limits:JobMaxSensitivityEvaluations"] = "50000",
    });

    private readonly HttpClient _client;

    public HeavyRouteJobTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_fit_job_returns_the_synchronous_fit_byte_for_byte_and_replays_its_stage_lines()
    {
        string fit = FitBody("auto", 16);

        var job = await FinishedAsync(_client, await SubmitAsync("/v1/surrogates/fit", fit, "surrogates.fit"));

        Assert.Equal("succeeded", job.Status);
        var synchronous = await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(fit));
        Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
        await AssertSameAnswerAsync(synchronous, await _client.GetAsync(job.Links.Result));
        var streamed = await StreamedLinesAsync("/v1/surrogates/fit", fit);
        Assert.True(streamed.Length > 2, "auto reports a stage per kind it tries");
        Assert.Equal(streamed[..^1], await ReplayedLinesAsync(job));
    }

    [Fact]
    public async Task A_fit_body_too_large_for_the_synchronous_route_is_taken_as_a_job()
    {
        string fit = FitBody("inverseDistance", 600);
        Assert.InRange(Encoding.UTF8.GetByteCount(fit), 20_001, 200_000);

        var synchronous = await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(fit));
        var job = await FinishedAsync(_client, await SubmitAsync("/v1/surrogates/fit", fit, "surrogates.fit"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, synchronous.StatusCode);
        Assert.Equal("succeeded", job.Status);
        var result = (await (await _client.GetAsync(job.Links.Result)).Content.ReadFromJsonAsync<FitResponse>())!;
        Assert.Equal(600, result.Model.Points!.Length);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.SendAsync(Async("/v1/surrogates/fit", FitBody("inverseDistance", 4_000)))).StatusCode);
    }

    [Fact]
    public async Task Sobol_jobs_return_the_synchronous_indices_for_a_fit_a_document_and_a_stored_model()
    {
        string fit = FitBody("radialBasis", 20);
        var model = JsonNode.Parse(await (await _client.PostAsync("/v1/surrogates/fit", JsonBody.Of(fit))).Content.ReadAsStringAsync())!["model"]!;
        var stored = await _client.PostAsync("/v1/models", JsonBody.Of(new JsonObject { ["model"] = model.DeepClone() }.ToJsonString()));
        string modelId = JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        foreach (var source in new[] { $$"""{"fit":{{fit}}""", $$"""{"model":{{model.ToJsonString()}}""", $$"""{"modelId":"{{modelId}}" """ })
        {
            string study = source + ""","samples":256,"bootstrap":50,"seed":9}""";
            var job = await FinishedAsync(_client, await SubmitAsync("/v1/sensitivity/sobol", study, "sensitivity.sobol"));

            Assert.Equal("succeeded", job.Status);
            var synchronous = await _client.PostAsync("/v1/sensitivity/sobol", JsonBody.Of(study));
            Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
            await AssertSameAnswerAsync(synchronous, await _client.GetAsync(job.Links.Result));
            Assert.Equal((await StreamedLinesAsync("/v1/sensitivity/sobol", study))[..^1], await ReplayedLinesAsync(job));
        }
        var missing = await _client.SendAsync(Async("/v1/sensitivity/sobol", """{"modelId":"0000000000000000000000000000000000000000000000000000000000000000","samples":256}"""));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_Sobol_study_larger_than_the_synchronous_limit_runs_as_a_job_up_to_the_job_limit()
    {
        // Three inputs: samples · 5 evaluations; 5 000 synchronously, 50 000 in a job.
        string Study(int samples) => $$"""{"fit":{{FitBody("radialBasis", 20)}},"samples":{{samples}},"bootstrap":20,"seed":3}""";

        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/sensitivity/sobol", JsonBody.Of(Study(2_000))), "samples");
        await ProblemAssert.IsValidationProblemAsync(await _client.SendAsync(Async("/v1/sensitivity/sobol", Study(10_001))), "samples");
        var job = await FinishedAsync(_client, await SubmitAsync("/v1/sensitivity/sobol", Study(2_000), "sensitivity.sobol"));

        Assert.Equal("succeeded", job.Status);
        var result = (await (await _client.GetAsync(job.Links.Result)).Content.ReadFromJsonAsync<SobolResponse>())!;
        Assert.Equal(10_000, result.Evaluations);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("", "application/x-npy")]
    [InlineData(""","format":"gif" """, null)]
    [InlineData(""","frame":1""", "image/png")]
    [InlineData(""","receivers":[[3,4],[20,9]],"snapshots":false,"format":"npy" """, null)]
    public async Task A_wave_job_returns_what_the_route_streams_in_its_format(string extra, string? accept)
    {
        // Traces alone take no snapshot interval.
        string run = extra.Contains("\"snapshots\":false", StringComparison.Ordinal)
            ? $$"""{{{SmallRun.Replace("\"snapshotEvery\":10,", "", StringComparison.Ordinal)}}{{extra}}}"""
            : $$"""{{{SmallRun}}{{extra}}}""";

        var submission = Async(Wave, run);
        if (accept is not null)
            submission.Headers.Accept.ParseAdd(accept);
        var accepted = await _client.SendAsync(submission);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await FinishedAsync(_client, accepted.Headers.Location!.OriginalString);

        Assert.Equal("succeeded", job.Status);
        var request = new HttpRequestMessage(HttpMethod.Post, Wave) { Content = JsonBody.Of(run) };
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        var synchronous = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, synchronous.StatusCode);
        var result = await _client.GetAsync(job.Links.Result);
        await AssertSameAnswerAsync(synchronous, result);
        Assert.Equal(synchronous.Content.Headers.ContentDisposition?.ToString(), result.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task Wave_work_over_the_synchronous_limit_runs_as_a_job_up_to_ten_times_it()
    {
        string Run(int steps) => $$"""{{{SmallRun.Replace("\"steps\":30", $"\"steps\":{steps}", StringComparison.Ordinal)}},"format":"npy"}""";

        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync(Wave, JsonBody.Of(Run(300))), "steps");
        await ProblemAssert.IsValidationProblemAsync(await _client.SendAsync(Async(Wave, Run(900))), "steps");
        var job = await FinishedAsync(_client, await SubmitAsync(Wave, Run(300), "simulations.acoustic2d"));

        Assert.Equal("succeeded", job.Status);
        var result = await _client.GetAsync(job.Links.Result);
        Assert.Equal("application/x-npy", result.Content.Headers.ContentType!.MediaType);
        // 30 frames (every 10 steps) of 41 × 23 float32 after the .npy header (version 1: its length at bytes 8–9).
        var npy = await result.Content.ReadAsByteArrayAsync();
        Assert.Equal(30 * 41 * 23 * 4, npy.Length - (10 + npy[8] + (npy[9] << 8)));
    }

    [Fact]
    public async Task A_light_route_ignores_the_preference_and_answers_at_once_even_when_it_fits()
    {
        string predict = $$"""{"fit":{{FitBody("radialBasis", 12)}},"points":[[0.3,0.4,0.5]]}""";

        var response = await _client.SendAsync(Async("/v1/surrogates/predict", predict));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Preference-Applied"));
        Assert.Equal(await (await _client.PostAsync("/v1/surrogates/predict", JsonBody.Of(predict))).Content.ReadAsByteArrayAsync(),
            await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, _factory.QueuedMessages);
    }

    /// <summary>A fit request of <paramref name="count"/> points of a smooth function on the unit cube (a Halton-like lattice, no duplicates).</summary>
    internal static string FitBody(string kind, int count)
    {
        var points = new StringBuilder();
        var values = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            double x = (i + 0.5) / count, y = (i * 0.618033988749895 + 0.1) % 1, z = (i * 0.414213562373095 + 0.3) % 1;
            string separator = i == 0 ? "" : ",";
            points.Append(CultureInfo.InvariantCulture, $"{separator}[{x:R},{y:R},{z:R}]");
            values.Append(CultureInfo.InvariantCulture, $"{separator}{Math.Sin(3 * x) + y * y + 0.1 * z:R}");
        }
        return $$"""{"kind":"{{kind}}","points":[{{points}}],"values":[{{values}}],"lowerBound":[0,0,0],"upperBound":[1,1,1]}""";
    }

    private async Task<string> SubmitAsync(string route, string body, string kind)
    {
        var accepted = await _client.SendAsync(Async(route, body));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(kind, (await accepted.Content.ReadFromJsonAsync<JobResponse>())!.Kind);
        return accepted.Headers.Location!.OriginalString;
    }

    private static async Task AssertSameAnswerAsync(HttpResponseMessage synchronous, HttpResponseMessage result)
    {
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(synchronous.Content.Headers.ContentType!.MediaType, result.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
    }

    private async Task<string[]> StreamedLinesAsync(string route, string body)
    {
        var stream = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonBody.Of(body) };
        stream.Headers.Accept.ParseAdd("application/x-ndjson");
        return (await (await _client.SendAsync(stream)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<string[]> ReplayedLinesAsync(JobResponse job) =>
        (await _client.GetStringAsync(job.Links.Events)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
