using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// Scale-in: SIGTERM with a request in flight lets that request finish, refuses new work, and the
/// process exits 0 — on the published build, as Container Apps would stop a replica.
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
        }, output);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        await PublishedBuild.WaitUntilReadyAsync(process, client, output);

        // A network fit of a few seconds: long enough to be in flight when the signal arrives.
        var inFlight = client.PostAsJsonAsync("/v1/surrogates/fit", new
        {
            kind = "neuralNetwork",
            points = Enumerable.Range(0, 200).Select(i => new[] { i / 200.0 }).ToArray(),
            values = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 20.0)).ToArray(),
            lowerBound = new[] { 0.0 },
            upperBound = new[] { 1.0 },
            options = new { epochs = 4000, hiddenLayers = new[] { 64, 64 } },
        });
        await Task.Delay(700);
        Assert.False(inFlight.IsCompleted, "The fit finished before the signal; make it longer.");

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await Task.Delay(300);
        bool refused;
        try
        {
            var late = await new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(5) }.GetAsync("/healthz/ready");
            refused = late.StatusCode == HttpStatusCode.ServiceUnavailable;
        }
        catch (HttpRequestException)
        {
            refused = true;
        }

        var response = await inFlight;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(refused, "A new request was served after SIGTERM.");
        Assert.Equal(0, process.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
