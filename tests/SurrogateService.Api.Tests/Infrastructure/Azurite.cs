using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// Azurite's blob service (and, when asked, its queue and table services), each started from the copy
/// that <c>.ci/run</c> installs into <c>.ci/.tools/azurite</c> as a process of its own on a port the
/// system picks, with one temporary data folder; stopped (SIGTERM) and the folder deleted on dispose.
/// <see cref="RestartAsync"/> stops and starts them on the same ports and folder, as a crash or a
/// redeploy would. One instance can back several services (replicas sharing a store).
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
    private readonly string[] _services;
    private readonly Dictionary<string, Process> _processes = [];
    private readonly Dictionary<string, int> _ports = [];

    /// <summary>The blob service alone (the xunit fixture).</summary>
    public Azurite()
        : this(["blob"])
    {
    }

    private Azurite(string[] services) => _services = services;

    /// <summary>Blob, queue and table services (the job store and queue); started by <see cref="InitializeAsync"/>.</summary>
    public static Azurite WithQueuesAndTables() => new(["blob", "queue", "table"]);

    /// <summary>The blob endpoint's port, chosen by the system at the first start and kept across restarts.</summary>
    public int Port => _ports.GetValueOrDefault("blob");

    /// <summary>The connection string the service takes as <c>Storage:ConnectionString</c>, with an endpoint per started service.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};" +
        (_ports.TryGetValue("queue", out int queue) ? $"QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" : "") +
        (_ports.TryGetValue("table", out int table) ? $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};" : "");

    public static string Executable => ExecutableOf("blob");

    private static string ExecutableOf(string service) => RepositoryRoot.File(InstallFolder + "/node_modules/.bin/azurite-" + service);

    public async Task InitializeAsync()
    {
        foreach (var service in _services)
            await StartAsync(service, port: 0);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _data.Dispose();
    }

    /// <summary>Kills Azurite and starts it again on the same ports and data folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <summary>Starts a stopped Azurite again on its ports and data folder.</summary>
    public async Task StartAgainAsync()
    {
        foreach (var service in _services)
            await StartAsync(service, _ports[service]);
    }

    /// <summary>
    /// Stops Azurite as a service manager would, with SIGTERM, and waits until it has exited: Azurite keeps
    /// its metadata in memory and saves it when it closes, so a SIGKILL could lose the last writes, which a
    /// real account never does.
    /// </summary>
    public async Task StopAsync()
    {
        foreach (var process in _processes.Values)
        {
            if (!process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        _processes.Clear();
    }

    private async Task StartAsync(string service, int port)
    {
        if (!File.Exists(ExecutableOf(service)))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {ExecutableOf(service)}. Run .ci/run (its 'azurite' block installs the pinned npm package " +
                $"into {InstallFolder}), or: npm install --prefix {InstallFolder} azurite@<version in .ci/run>");
        }
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // --skipApiVersionCheck: Azure.Storage.Blobs asks for a newer REST version (2026-10-06 in 12.30)
        // than Azurite 3.37 accepts (up to 2026-06-06), and Azurite's README gives this switch for it
        // ("Skip API Version Check"); the operations the store uses are in both versions.
        // --<service>Port 0 lets the system choose a free port, which Azurite then prints (README, "Let System
        // Auto Select an Available Port").
        var start = new ProcessStartInfo(ExecutableOf(service))
        {
            ArgumentList =
            {
                $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture),
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
        _processes[service] = process;
        _ports[service] = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
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
