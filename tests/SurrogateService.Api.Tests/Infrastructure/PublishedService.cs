using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// Publishes the API the way the Dockerfile does and starts the output the way the container
/// would: `dotnet SurrogateService.Api.dll`, Production, the port from the Dockerfile's
/// ASPNETCORE_HTTP_PORTS, Azure AD settings of a fake tenant. There is no Docker engine here,
/// so this checks what the image relies on.
/// </summary>
public sealed partial class PublishedService : IAsyncLifetime
{
    private readonly string _publishDirectory = Path.Combine(Path.GetTempPath(), "surrogate-publish-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        string dockerfile = await File.ReadAllTextAsync(RepositoryRoot.File("Dockerfile"));
        Port = int.Parse(HttpPortsLine().Match(dockerfile).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsPortFree(Port), $"Port {Port} (from the Dockerfile) is in use; the published-service test needs it.");

        var publish = Run("dotnet", $"publish src/SurrogateService.Api -c Release -r linux-x64 --self-contained false " +
            $"-p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:UseAppHost=false -o \"{_publishDirectory}\"", RepositoryRoot.Path);
        string log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + log);

        var start = new ProcessStartInfo("dotnet", "SurrogateService.Api.dll")
        {
            WorkingDirectory = _publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_HTTP_PORTS"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["AzureAd__TenantId"] = TestTokens.TenantId;
        start.Environment["AzureAd__ClientId"] = TestTokens.ClientId;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Output.Add(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => Output.Add(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        await WaitUntilReadyAsync();
    }

    /// <summary>What the process wrote, for failure messages and log-format checks.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Output { get; } = [];

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Client.Dispose();
        if (Directory.Exists(_publishDirectory))
            Directory.Delete(_publishDirectory, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process!.HasExited, "The published service exited:\n" + string.Join('\n', Output));
            try
            {
                if ((await Client.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The published service did not become ready:\n" + string.Join('\n', Output));
    }

    private static Process Run(string file, string arguments, string directory) =>
        Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
        })!;

    private static bool IsPortFree(int port)
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
