using System.Diagnostics;

namespace SurrogateService.Infra.Tests;

/// <summary>Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class BicepCli
{
    /// <summary>Variables that main.bicepparam reads; removed so a developer's shell cannot change the results.</summary>
    private static readonly string[] ParameterVariables = ["AZURE_CLIENT_ID_API", "AZURE_CLIENT_ID_SIGNIN", "SERVICE_API_IMAGE_NAME", "SERVICE_API_RESOURCE_EXISTS", "AZURE_ENV_NAME"];

    public static BicepResult Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        EnsureExecutable();
        var startInfo = new ProcessStartInfo(RepositoryFiles.BicepCli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.InfraDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var name in ParameterVariables)
            startInfo.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new BicepResult(process.ExitCode, standardOutput, standardError.Result);
    }

    public static BicepResult Run(params string[] arguments) => Run(null, arguments);

    // NuGet extracts packages without preserving the execute bit on some machines.
    private static void EnsureExecutable()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The referenced Bicep CLI package is the linux-x64 build.");
        var mode = File.GetUnixFileMode(RepositoryFiles.BicepCli);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(RepositoryFiles.BicepCli, mode | UnixFileMode.UserExecute);
    }
}
