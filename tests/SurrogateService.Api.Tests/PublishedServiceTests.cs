using System.Net;
using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>The published build, started as the container starts it, answers probes and guards /v1.</summary>
public class PublishedServiceTests(PublishedService service) : IClassFixture<PublishedService>
{
    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    public async Task Probes_answer_on_the_container_port(string path)
    {
        var response = await service.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_v1_call_without_a_token_is_401()
    {
        var response = await service.Client.PostAsync("/v1/functions/branin/evaluate", JsonBody.Of("""{"points":[[0,0]]}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logs_are_compact_json_outside_Development()
    {
        await service.Client.GetAsync("/v1/functions");
        await Condition.WaitUntil(() => Lines().Any(line => line.Contains("RequestLoggingMiddleware", StringComparison.Ordinal) && line.Contains("401", StringComparison.Ordinal)),
            "the request's log line is written");
        var lines = Lines();
        Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("@t", out _), line));

        List<string> Lines()
        {
            lock (service.Output)
                return service.Output.Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        }
    }
}
