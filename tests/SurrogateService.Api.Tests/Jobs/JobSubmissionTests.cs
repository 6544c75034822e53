using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>Prefer: respond-async on the run route, end to end with the in-process worker of Development.</summary>
public sealed class JobSubmissionTests : IDisposable
{
    private const string Run = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"dycors","maxEvaluations":30,"batchSize":2,"seed":5}""";

    private readonly JobsFactory _factory = new();
    private readonly HttpClient _client;

    public JobSubmissionTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_run_job_answers_202_and_its_result_is_the_synchronous_response_byte_for_byte()
    {
        var accepted = await _client.SendAsync(Async("/v1/optimization/runs", Run));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        Assert.Matches("^/v1/jobs/[0-9a-f]{32}$", location);
        Assert.True(accepted.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("respond-async", Assert.Single(accepted.Headers.GetValues("Preference-Applied")));
        var submitted = (await accepted.Content.ReadFromJsonAsync<JobResponse>())!;
        Assert.Equal("optimization.run", submitted.Kind);
        Assert.Null(submitted.Links.Result);

        var job = await FinishedAsync(_client, location);
        Assert.Equal("succeeded", job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(30, job.Events);
        Assert.Equal(30, job.Progress!.Value.GetProperty("evaluations").GetInt32());
        Assert.True(job.StartedAt >= job.CreatedAt && job.FinishedAt >= job.StartedAt);
        Assert.Equal(location + "/result", job.Links.Result);

        var result = await _client.GetAsync(job.Links.Result);
        var synchronous = await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(Run));
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("application/json", result.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_events_replay_the_lines_of_the_progress_stream()
    {
        var location = (await _client.SendAsync(Async("/v1/optimization/runs", Run))).Headers.Location!.OriginalString;
        await FinishedAsync(_client, location);

        var stream = new HttpRequestMessage(HttpMethod.Post, "/v1/optimization/runs") { Content = JsonBody.Of(Run) };
        stream.Headers.Accept.ParseAdd("application/x-ndjson");
        var streamed = (await (await _client.SendAsync(stream)).Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = await _client.GetAsync(location + "/events");
        var replayed = (await events.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", events.Content.Headers.ContentType!.MediaType);
        Assert.Equal(streamed[..^1], replayed);
        var after = (await _client.GetStringAsync(location + "/events?after=25")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(replayed[25..], after);
        Assert.Empty((await _client.GetStringAsync(location + "/events?after=30")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await ProblemAssert.IsValidationProblemAsync(await _client.GetAsync(location + "/events?after=-1"), "after");
    }

    [Fact]
    public async Task A_bad_request_is_a_400_at_once_and_creates_no_job()
    {
        var response = await _client.SendAsync(Async("/v1/optimization/runs", """{"function":"branin","initialSamples":{"method":"sobol","count":8},"maxEvaluations":1}"""));

        await ProblemAssert.IsValidationProblemAsync(response, "maxEvaluations");
        Assert.Equal(0, _factory.QueuedMessages);
    }

    [Fact]
    public async Task Jobs_take_runs_longer_than_the_synchronous_limit_and_no_longer_than_theirs()
    {
        const string Long = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":2000,"seed":1}""";
        await ProblemAssert.IsValidationProblemAsync(await _client.PostAsync("/v1/optimization/runs", JsonBody.Of(Long)), "maxEvaluations");
        await ProblemAssert.IsValidationProblemAsync(await _client.SendAsync(Async("/v1/optimization/runs", Long.Replace("2000", "2001", StringComparison.Ordinal))), "maxEvaluations");

        var accepted = await _client.SendAsync(Async("/v1/optimization/runs", Long));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var cancelled = await _client.DeleteAsync(accepted.Headers.Location);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JobResponse>())!.Status);
    }

    [Fact]
    public async Task A_route_that_is_not_heavy_ignores_the_preference_and_answers_at_once()
    {
        var response = await _client.SendAsync(Async("/v1/samples", """{"method":"sobol","count":4,"lowerBound":[0],"upperBound":[1]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Preference-Applied"));
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_same_job()
    {
        var first = await _client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "campaign-7"));
        var retried = await _client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "campaign-7"));
        var other = await _client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "campaign-8"));
        var misused = await _client.SendAsync(Async("/v1/optimization/runs", Run.Replace("\"seed\":5", "\"seed\":6", StringComparison.Ordinal), idempotencyKey: "campaign-7"));

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misused.StatusCode);
        await FinishedAsync(_client, first.Headers.Location!.OriginalString);
        await FinishedAsync(_client, other.Headers.Location!.OriginalString);
        // The worker deletes a message after it has recorded the job as finished.
        await UntilAsync(() => Task.FromResult(_factory.QueuedMessages == 0), "the finished jobs' messages to be deleted");
        await ProblemAssert.IsValidationProblemAsync(await _client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: new string('k', 256))), "Idempotency-Key");
    }

    [Theory]
    [InlineData("/v1/jobs/0123456789abcdef0123456789abcdef")]
    [InlineData("/v1/jobs/not-a-job")]
    [InlineData("/v1/jobs/0123456789abcdef0123456789abcdef/result")]
    [InlineData("/v1/jobs/..%2F..%2Fetc/events")]
    public async Task An_unknown_job_is_404(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
