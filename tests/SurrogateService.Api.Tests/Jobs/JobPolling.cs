using System.Net;
using System.Net.Http.Json;
using SurrogateService.Api.Contracts;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>Waiting on conditions, never on time: a poll until the condition holds, with a cap only against a hang.</summary>
public static class JobPolling
{
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(10);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            if (DateTime.UtcNow - started > Cap)
                throw new TimeoutException($"Still waiting for {what}.");
            await Task.Delay(25);
        }
    }

    public static async Task<JobResponse> JobAsync(HttpClient client, string location)
    {
        var response = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JobResponse>())!;
    }

    public static async Task<JobResponse> FinishedAsync(HttpClient client, string location)
    {
        JobResponse? job = null;
        await UntilAsync(async () => (job = await JobAsync(client, location)).Status is "succeeded" or "failed" or "cancelled", $"{location} to finish");
        return job!;
    }

    public static HttpRequestMessage Async(string route, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = Infrastructure.JsonBody.Of(json) };
        request.Headers.Add("Prefer", "respond-async");
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
