using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>
/// openapi.yaml at the repository root is the contract; the document the running service serves
/// must equal it. After an intended change, regenerate it with
/// <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests</c> and review the diff.
/// </summary>
public class OpenApiContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Served_document_equals_the_committed_openapi_yaml()
    {
        var client = factory.CreateClient();
        string served = Normalise(await client.GetStringAsync("/swagger/v1/swagger.yaml"));
        string path = RepositoryRoot.File("openapi.yaml");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, served);

        string committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.True(committed == served,
            "openapi.yaml differs from the served document; regenerate it (UPDATE_OPENAPI=1) and review the diff.\n" + FirstDifference(committed, served));
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var client = factory.CreateClient();
        string html = await client.GetStringAsync("/swagger/index.html");
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "<end>";
            string right = i < a.Length ? a[i] : "<end>";
            if (left != right)
                return $"line {i + 1}:\n  committed: {left}\n  served:    {right}";
        }
        return "";
    }
}
