using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// Azurite's blob service (or, from <see cref="WithQueuesAndTables"/>, its blob, queue and table services),
/// started from the copy that <c>.ci/run</c> installs into <c>.ci/.tools/azurite</c>, on ports the system
/// picks, with a temporary data folder; stopped (SIGTERM) and its folder deleted on dispose. <see cref="RestartAsync"/> stops and starts it on the same folder, as a
/// crash or a redeploy would. One instance can back several services (replicas sharing a store).
/// </summary>
public sealed partial class Azurite : IAsyncLifetime
{
    /// <summary>Where the pinned npm package is installed (by the first fixture that needs it, or by .ci/run).</summary>
    public const string InstallFolder = ".ci/.tools/azurite";

    /// <summary>The Azurite release the tests run against; .ci/run installs the same one.</summary>
    public const string PinnedVersion = "3.37.0";

    // Test classes start fixtures in parallel; one of them installs the package, the others wait for it.
    private static readonly SemaphoreSlim Installing = new(1, 1);

    // The emulator's well-known development account and key, published in Azurite's README
    // ("Default Storage Account"); they are not a secret.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TemporaryFolder _data = new("surrogate-azurite-");
    private readonly List<string> _output = [];
    private readonly string[] _services;
    private readonly Dictionary<string, int> _ports = [];
    private Process? _process;

    /// <summary>The blob service alone (the xunit fixture).</summary>
    public Azurite()
        : this(["Blob"])
    {
    }

    private Azurite(string[] services) => _services = services;

    /// <summary>Blob, queue and table services in one process (the job store and queue); started by <see cref="InitializeAsync"/>.</summary>
    public static Azurite WithQueuesAndTables() => new(["Blob", "Queue", "Table"]);

    /// <summary>The blob endpoint's port, chosen by the system at the first start and kept across restarts.</summary>
    public int Port => _ports.GetValueOrDefault("Blob");

    /// <summary>The connection string the service takes as <c>Storage:ConnectionString</c>, with an endpoint per service started.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};" +
        (_ports.TryGetValue("Queue", out int queue) ? $"QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" : "") +
        (_ports.TryGetValue("Table", out int table) ? $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};" : "");

    public static string Executable => RepositoryRoot.File(InstallFolder + "/node_modules/.bin/azurite-blob");

    // The command of all three services; it prints the ports it was given (0) unless it is asked for them all.
    private string Command => _services.Length == 1 ? Executable : RepositoryRoot.File(InstallFolder + "/node_modules/.bin/azurite");

    public Task InitializeAsync() => StartAsync(firstStart: true);

    public async Task DisposeAsync()
    {
        await StopAsync();
        _data.Dispose();
    }

    /// <summary>Kills Azurite and starts it again on the same port and data folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <summary>Starts a stopped Azurite again on its port and data folder.</summary>
    public Task StartAgainAsync() => StartAsync(firstStart: false);

    /// <summary>
    /// Stops Azurite as a service manager would, with SIGTERM, and waits until it has exited: Azurite keeps
    /// its metadata in memory and saves it when it closes, so a SIGKILL could lose the last writes, which a
    /// real account never does.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>
    /// Installs the pinned package into <see cref="InstallFolder"/> when it is missing, so that the README's test
    /// command alone runs these tests on a machine with Node.js and npm.
    /// </summary>
    private async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(Command))
                return;
            var install = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "install", "--silent", "--no-audit", "--no-fund", "--prefix", RepositoryRoot.File(InstallFolder), $"azurite@{PinnedVersion}" })
                install.ArgumentList.Add(argument);
            using var npm = Process.Start(install)!;
            var output = npm.StandardOutput.ReadToEndAsync();
            string errors = await npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0 || !File.Exists(Command))
                throw new InvalidOperationException($"npm could not install azurite@{PinnedVersion} into {InstallFolder}:\n{await output}\n{errors}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private async Task StartAsync(bool firstStart)
    {
        await EnsureInstalledAsync();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // --skipApiVersionCheck: Azure.Storage.Blobs asks for a newer REST version (2026-10-06 in 12.30)
        // than Azurite 3.37 accepts (up to 2026-06-06), and Azurite's README gives this switch for it
        // ("Skip API Version Check"); the operations the store uses are in both versions.
        // --blobPort 0 lets the system choose a free port, which Azurite then prints (README, "Let System
        // Auto Select an Available Port"); a restart asks for the same ports again.
        var start = new ProcessStartInfo(Command);
        foreach (var service in _services)
        {
            string name = service.ToLowerInvariant();
            int port = firstStart ? 0 : _ports[service];
            foreach (var argument in new[] { $"--{name}Host", "127.0.0.1", $"--{name}Port", port.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in new[] { "--location", _data.Path, "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var started = new Dictionary<string, int>();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Collect(e.Data, started, listening);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, started, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Azurite exited:\n" + Output()));
        _process = process;
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        foreach (var (service, port) in started)
            _ports[service] = port;
    }

    private void Collect(string? line, Dictionary<string, int> started, TaskCompletionSource listening)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
        var match = ListeningLine().Match(line);
        if (!match.Success)
            return;
        lock (started)
        {
            started[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (_services.All(started.ContainsKey))
                listening.TrySetResult();
        }
    }

    public string Output()
    {
        lock (_output)
            return string.Join('\n', _output);
    }

    // azurite-blob prints "… service successfully listens on …", azurite "… service is successfully listening at …".
    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service (?:successfully listens on|is successfully listening at) http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
