using System.Reflection;

namespace SurrogateService.Infra.Tests;

/// <summary>Paths of the repository files under test and of the Bicep CLI, baked in at build time.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepCli { get; } = Metadata("BicepCliPath");

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainBicepParam => Path.Combine(InfraDirectory, "main.bicepparam");

    public static string Dockerfile => Path.Combine(Root, "Dockerfile");

    public static string ApiProject => Path.Combine(Root, "src", "SurrogateService.Api", "SurrogateService.Api.csproj");

    private static string Metadata(string key) =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' has no value.");
}
