namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Finds files of the repository (openapi.yaml, README.md) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "SurrogateService.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("SurrogateService.sln not found above the test output folder.");
    }
}
