using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// Azurite's blob service, started from the copy that <c>.ci/run</c> installs into
/// <c>.ci/.tools/azurite</c>, on a port the system picks, with a temporary data folder; killed and its
/// folder deleted on dispose. <see cref="RestartAsync"/> stops and starts it on the same folder, as a
/// crash or a redeploy would. One instance can back several services (replicas sharing a store).
/// </summary>
public sealed partial class Azurite : IAsyncLifetime
{
    /// <summary>Where .ci/run installs the pinned npm package.</summary>
    public const string InstallFolder = ".ci/.tools/azurite";

    // The emulator's well-known development account and key, published in Azurite's README
    // ("Default Storage Account"); they are not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TemporaryFolder _data = new("surrogate-azurite-");
    private readonly List<string> _output = [];
    private Process? _process;

    /// <summary>The blob endpoint's port, chosen by the system at the first start and kept across restarts.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string the service takes as <c>Storage:ConnectionString</c>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static string Executable => RepositoryRoot.File(InstallFolder + "/node_modules/.bin/azurite-blob");

    public Task InitializeAsync() => StartAsync(port: 0);

    public async Task DisposeAsync()
    {
        await StopAsync();
        _data.Dispose();
    }

    /// <summary>Kills Azurite and starts it again on the same port and data folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync(Port);
    }

    public async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    private async Task StartAsync(int port)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {Executable}. Run .ci/run (its 'azurite' block installs the pinned npm package " +
                $"into {InstallFolder}), or: npm install --prefix {InstallFolder} azurite@<version in .ci/run>");
        }
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // --skipApiVersionCheck: Azure.Storage.Blobs asks for a newer REST version (2026-10-06 in 12.30)
        // than Azurite 3.37 accepts (up to 2026-06-06), and Azurite's README gives this switch for it
        // ("Skip API Version Check"); the operations the store uses are in both versions.
        // --blobPort 0 lets the system choose a free port, which Azurite then prints (README, "Let System
        // Auto Select an Available Port").
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList =
            {
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                "--location", _data.Path, "--skipApiVersionCheck", "--disableTelemetry", "--silent",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Collect(e.Data, listening);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited:\n" + Output()));
        _process = process;
        Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
    }

    private void Collect(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
        var match = ListeningLine().Match(line);
        if (match.Success)
            listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    public string Output()
    {
        lock (_output)
            return string.Join('\n', _output);
    }

    [GeneratedRegex(@"listens on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
