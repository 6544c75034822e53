using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>The worker's side: cancellation, poison messages, and storage faults at submission (resumption: <see cref="ResumptionTests"/>).</summary>
public sealed class JobWorkerTests
{
    [Fact]
    public async Task Cancelling_a_running_job_stops_it_within_one_round()
    {
        using var factory = new JobsFactory();
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/optimization/runs", """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":2000,"batchSize":4,"seed":2}"""))).Headers.Location!.OriginalString;
        await UntilAsync(async () => (await JobAsync(client, location)).Events >= 20, "the job to be under way");

        var cancelled = (await (await client.DeleteAsync(location)).Content.ReadFromJsonAsync<JobResponse>())!;
        await UntilAsync(() => Task.FromResult(factory.QueuedMessages == 0), "the worker to stop and drop the message");

        Assert.Equal("cancelled", cancelled.Status);
        var lines = (await client.GetStringAsync(location + "/events")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // At most the round under way when the DELETE came was written after it (batch size 4).
        Assert.InRange(lines.Length, cancelled.Events, cancelled.Events + 4);
        Assert.True(lines.Length < 2000);
        var after = await JobAsync(client, location);
        Assert.Equal("cancelled", after.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(location + "/result")).StatusCode);
        // Cancelling again leaves it as it is.
        Assert.Equal("cancelled", (await (await client.DeleteAsync(location)).Content.ReadFromJsonAsync<JobResponse>())!.Status);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_fails_its_job_with_the_reason_after_the_last_attempt()
    {
        using var factory = new JobsFactory(inProcessWorkers: 0);
        var client = factory.CreateClient();
        var location = (await client.SendAsync(Async("/v1/optimization/runs", """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":20,"seed":2}"""))).Headers.Location!.OriginalString;
        var id = location[(location.LastIndexOf('/') + 1)..];
        // A record this version cannot work (as if written by a newer version): every attempt throws.
        var owner = Directory.GetDirectories(factory.RecordsFolder).Select(Path.GetFileName).Single()!;
        var record = (await factory.Store.FindAsync(owner, id, CancellationToken.None))!;
        Assert.NotNull(await factory.Store.TryReplaceAsync(record with { Kind = "optimization.future" }, CancellationToken.None));

        for (int attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));
            var retried = await JobAsync(client, location);
            Assert.Equal("running", retried.Status);
            Assert.Equal(attempt, retried.Attempts);
            Assert.Contains("optimization.future", retried.Error);
        }
        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        var failed = await JobAsync(client, location);

        Assert.Equal("failed", failed.Status);
        Assert.StartsWith("Given up after 3 attempts: InvalidOperationException: No job kind 'optimization.future'", failed.Error);
        Assert.False(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        Assert.Equal(0, factory.QueuedMessages);
    }

    [Fact]
    public async Task With_the_storage_unreachable_a_submission_is_503_with_retry_after_and_leaves_no_job()
    {
        SwitchableQueue? queue = null;
        using var factory = new JobsFactory(inProcessWorkers: 0, decorateQueue: inner => queue = new SwitchableQueue(inner));
        var client = factory.CreateClient();
        const string Run = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":12,"seed":2}""";
        _ = factory.Services.GetService(typeof(IJobQueue));
        queue!.IsDown = true;

        var refused = await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "k1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        // Neither the record nor the request document it had stored before the queue failed is left.
        Assert.Empty(Directory.EnumerateFiles(factory.RecordsFolder, "*", SearchOption.AllDirectories));
        Assert.Equal(0, factory.QueuedMessages);

        queue.IsDown = false;
        var accepted = await client.SendAsync(Async("/v1/optimization/runs", Run, idempotencyKey: "k1"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(await factory.Worker.ProcessNextAsync(CancellationToken.None));
        Assert.Equal("succeeded", (await JobAsync(client, accepted.Headers.Location!.OriginalString)).Status);
    }

    [Fact]
    public async Task Jobs_are_their_callers_own()
    {
        using var service = new AzureAdFactory();
        var client = service.CreateClient();
        string alice = TestTokens.Create(scope: "Surrogates.Invoke"), bob = TestTokens.Create(scope: "Surrogates.Invoke");
        HttpRequestMessage As(string token, HttpRequestMessage request)
        {
            request.Headers.Authorization = new("Bearer", token);
            return request;
        }
        const string Run = """{"function":"branin","initialSamples":{"method":"sobol","count":8},"strategy":"srbf","maxEvaluations":12,"seed":2}""";

        var submitted = await client.SendAsync(As(alice, Async("/v1/optimization/runs", Run, idempotencyKey: "same")));
        var bobs = await client.SendAsync(As(bob, Async("/v1/optimization/runs", Run, idempotencyKey: "same")));
        var location = submitted.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.NotEqual(location, bobs.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(As(alice, new HttpRequestMessage(HttpMethod.Get, location)))).StatusCode);
        foreach (var (method, path) in new[] { (HttpMethod.Get, location), (HttpMethod.Get, location + "/result"), (HttpMethod.Get, location + "/events"), (HttpMethod.Delete, location) })
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(As(bob, new HttpRequestMessage(method, path)))).StatusCode);
        Assert.Equal("queued", (await JsonSerializer.DeserializeAsync<JobResponse>(
            await (await client.SendAsync(As(alice, new HttpRequestMessage(HttpMethod.Get, location)))).Content.ReadAsStreamAsync(), JsonSerializerOptions.Web))!.Status);
    }
}
