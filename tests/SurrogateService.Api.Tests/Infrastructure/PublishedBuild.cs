using System.Diagnostics;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// The API published once per test run the way the Dockerfile publishes it (Release, linux-x64,
/// ReadyToRun, invariant globalisation), and a way to start that output as the container would.
/// </summary>
public static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Directory = new(PublishAsync);

    public static Task<string> DirectoryAsync() => Directory.Value;

    /// <summary>Starts `dotnet SurrogateService.Api.dll` from the publish folder with the given environment (a store folder beside it unless given); output is collected.</summary>
    public static async Task<Process> StartAsync(IReadOnlyDictionary<string, string> environment, ICollection<string> output)
    {
        var start = new ProcessStartInfo("dotnet", "SurrogateService.Api.dll")
        {
            WorkingDirectory = await DirectoryAsync(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ASPNETCORE_URLS");
        // Outside Development the service needs a store (the container app gets Storage__BlobServiceUri
        // from the Bicep); a published build here keeps its models beside it unless a test says otherwise.
        start.Environment["Storage__Folder"] = Path.Combine(start.WorkingDirectory, "App_Data", "store");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.Add(e.Data ?? ""); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitUntilReadyAsync(Process process, HttpClient client, ICollection<string> output)
    {
        // A deadline far beyond a start on a loaded machine; a healthy start answers within seconds.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "The published service exited:\n" + string.Join('\n', output));
            try
            {
                if ((await client.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The published service did not become ready:\n" + string.Join('\n', output));
    }

    private static async Task<string> PublishAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "surrogate-publish-" + Guid.NewGuid().ToString("N"));
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            "publish src/SurrogateService.Api -c Release -r linux-x64 --self-contained false " +
            $"-p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:UseAppHost=false -o \"{directory}\"")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
        })!;
        string log = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + log);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(directory, recursive: true);
        return directory;
    }
}
