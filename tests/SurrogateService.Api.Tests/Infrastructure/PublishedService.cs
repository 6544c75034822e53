using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// The published API started the way the container starts it: Production, the port from the
/// Dockerfile's ASPNETCORE_HTTP_PORTS, Azure AD settings of a fake tenant. There is no Docker
/// engine here, so this checks what the image relies on.
/// </summary>
public sealed partial class PublishedService : IAsyncLifetime
{
    private Process? _process;

    public HttpClient Client { get; private set; } = new();

    /// <summary>What the process wrote, for failure messages and log-format checks.</summary>
    public List<string> Output { get; } = [];

    public async Task InitializeAsync()
    {
        string dockerfile = await File.ReadAllTextAsync(RepositoryRoot.File("Dockerfile"));
        int port = int.Parse(HttpPortsLine().Match(dockerfile).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(IsPortFree(port), $"Port {port} (from the Dockerfile) is in use; the published-service test needs it.");

        _process = await PublishedBuild.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture),
            ["AzureAd__TenantId"] = TestTokens.TenantId,
            ["AzureAd__ClientId"] = TestTokens.ClientId,
        }, Output);
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PublishedBuild.WaitUntilReadyAsync(_process, Client, Output);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Client.Dispose();
    }

    public static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPortsLine();
}
