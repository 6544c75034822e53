using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Tests.Infrastructure;
using static SurrogateService.Api.Tests.Jobs.JobPolling;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>50 jobs submitted at once by 5 callers with real tokens: all complete, none lost or duplicated, each caller sees only its own.</summary>
public sealed class ManyCallersTests
{
    [Fact]
    public async Task Fifty_jobs_from_five_callers_all_complete_once_and_stay_their_callers()
    {
        using var service = new AzureAdFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Jobs:InProcessWorkers", "2");
            builder.UseSetting("Jobs:PollIntervalMilliseconds", "20");
        });
        var client = service.CreateClient();
        var callers = Enumerable.Range(0, 5).Select(_ => TestTokens.Create(scope: "Surrogates.Invoke")).ToArray();
        static string Run(int seed) => $$"""{"function":"branin","initialSamples":{"method":"sobol","count":6},"strategy":"srbf","maxEvaluations":10,"seed":{{seed}}}""";
        async Task<HttpResponseMessage> SendAsync(string token, HttpRequestMessage request)
        {
            request.Headers.Authorization = new("Bearer", token);
            return await client.SendAsync(request);
        }

        // Each caller submits 10 jobs, every POST twice (a retry) with the same Idempotency-Key.
        var submitted = await Task.WhenAll(Enumerable.Range(0, 5).Select(async caller =>
        {
            var locations = new List<(int Seed, string Location)>();
            for (int n = 0; n < 10; n++)
            {
                int seed = caller * 10 + n;
                var first = await SendAsync(callers[caller], Async("/v1/optimization/runs", Run(seed), idempotencyKey: $"job-{n}"));
                var retried = await SendAsync(callers[caller], Async("/v1/optimization/runs", Run(seed), idempotencyKey: $"job-{n}"));
                Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
                Assert.Equal(first.Headers.Location, retried.Headers.Location);
                locations.Add((seed, first.Headers.Location!.OriginalString));
            }
            return locations;
        }));

        Assert.Equal(50, submitted.SelectMany(s => s).Select(s => s.Location).Distinct().Count());
        var reference = service.CreateClient();
        for (int caller = 0; caller < 5; caller++)
        {
            foreach (var (seed, location) in submitted[caller])
            {
                JobResponse? job = null;
                await UntilAsync(async () =>
                {
                    var response = await SendAsync(callers[caller], new HttpRequestMessage(HttpMethod.Get, location));
                    job = await response.Content.ReadFromJsonAsync<JobResponse>();
                    return job!.Status is "succeeded" or "failed";
                }, location);
                Assert.Equal("succeeded", job!.Status);
                Assert.Equal(1, job.Attempts);
                Assert.Equal(10, job.Events);
                // Another caller cannot see it.
                Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(callers[(caller + 1) % 5], new HttpRequestMessage(HttpMethod.Get, location))).StatusCode);
                if (seed % 10 == 0)
                {
                    var synchronous = await SendAsync(callers[caller], new HttpRequestMessage(HttpMethod.Post, "/v1/optimization/runs") { Content = JsonBody.Of(Run(seed)) });
                    var result = await SendAsync(callers[caller], new HttpRequestMessage(HttpMethod.Get, job.Links.Result));
                    Assert.Equal(await synchronous.Content.ReadAsByteArrayAsync(), await result.Content.ReadAsByteArrayAsync());
                }
            }
        }
    }
}
