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
    public async Task The_published_document_carries_the_contract_records_xml_documentation()
    {
        // The XML file is published beside the assembly; without it the schemas would lose their descriptions.
        using var document = JsonDocument.Parse(await service.Client.GetStringAsync("/swagger/v1/swagger.json"));
        var fitRequest = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("FitRequest");
        Assert.StartsWith("Training data and settings for a fit", fitRequest.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_numeric_warm_up_finishes_before_the_port_opens()
    {
        // The container app's probes are TCP checks on the port: a replica must not open it cold (issue 25).
        List<string> lines;
        lock (service.Output)
            lines = [.. service.Output];
        int warmedUp = lines.FindIndex(line => line.Contains("Numeric warm-up done", StringComparison.Ordinal));
        int listening = lines.FindIndex(line => line.Contains("Now listening on", StringComparison.Ordinal));
        Assert.True(warmedUp >= 0 && listening > warmedUp, string.Join('\n', lines));
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
