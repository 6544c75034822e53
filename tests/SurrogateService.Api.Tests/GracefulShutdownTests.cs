using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// Scale-in: SIGTERM with a request in flight lets that request finish, refuses new work, and the
/// process exits 0 — on the published build, as Container Apps would stop a replica. Every step waits
/// for what the service says (its progress lines, its readiness), not for a time, so a loaded machine
/// only makes it slower.
/// </summary>
public class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_refuses_new_ones_and_exits_0()
    {
        int port = FreePort();
        var output = new List<string>();
        using var process = await PublishedBuild.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Authentication__Mode"] = "None",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture),
            // The grace period is configuration (25 s in Azure); here it is long enough for the fit to end
            // however loaded the machine, since what is tested is that the fit is let finish at all.
            ["Hosting__ShutdownTimeoutSeconds"] = "900",
        }, output);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(15) };
        await PublishedBuild.WaitUntilReadyAsync(process, client, output);

        // A network fit of some seconds, streaming its progress: its first line says it is in flight.
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/surrogates/fit")
        {
            Content = JsonContent.Create(new
            {
                kind = "neuralNetwork",
                points = Enumerable.Range(0, 200).Select(i => new[] { i / 200.0 }).ToArray(),
                values = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 20.0)).ToArray(),
                lowerBound = new[] { 0.0 },
                upperBound = new[] { 1.0 },
                options = new { epochs = 12000, hiddenLayers = new[] { 64, 64 } },
            }),
        };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("fitting", (string?)JsonNode.Parse((await lines.ReadLineAsync())!)!["stage"]);

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var prober = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        await Condition.WaitUntilAsync(() => RefusesNewWorkAsync(prober), "the service refuses new work after SIGTERM");
        Assert.False(process.HasExited, "The service exited with a request in flight.");

        string? last = null;
        while (await lines.ReadLineAsync() is { } line)
            last = line;
        await process.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("result", (string?)JsonNode.Parse(last!)!["type"]);
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Readiness says 503 (draining), or the port no longer takes connections.</summary>
    private static async Task<bool> RefusesNewWorkAsync(HttpClient prober)
    {
        try
        {
            using var answer = await prober.GetAsync("/healthz/ready");
            return answer.StatusCode == HttpStatusCode.ServiceUnavailable;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
