using System.Text.Json;

namespace SurrogateService.Infra.Tests;

public class BicepCliTests
{
    [Fact]
    public void Main_template_builds_without_warnings()
    {
        var result = BicepCli.Run("build", RepositoryFiles.MainBicep, "--stdout");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StandardError.Trim());
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_template_and_its_modules_pass_the_linter()
    {
        var result = BicepCli.Run("lint", RepositoryFiles.MainBicep);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", (result.StandardOutput + result.StandardError).Trim());
    }

    [Fact]
    public void Parameter_file_reads_client_ids_image_and_existence_from_the_environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURE_CLIENT_ID_API"] = "44444444-4444-4444-4444-444444444444",
            ["AZURE_CLIENT_ID_SIGNIN"] = "55555555-5555-5555-5555-555555555555",
            ["SERVICE_API_IMAGE_NAME"] = "crexample.azurecr.io/surrogate-service:7",
            ["SERVICE_API_RESOURCE_EXISTS"] = "true",
        };

        var parameters = BuildParameters(environment);

        Assert.Equal("44444444-4444-4444-4444-444444444444", parameters.GetProperty("apiClientId").GetProperty("value").GetString());
        Assert.Equal("55555555-5555-5555-5555-555555555555", parameters.GetProperty("signInClientId").GetProperty("value").GetString());
        Assert.Equal("crexample.azurecr.io/surrogate-service:7", parameters.GetProperty("containerImage").GetProperty("value").GetString());
        Assert.True(parameters.GetProperty("apiExists").GetProperty("value").GetBoolean());
    }

    [Fact]
    public void Parameter_file_with_only_the_client_id_describes_a_first_deployment()
    {
        var parameters = BuildParameters(new Dictionary<string, string> { ["AZURE_CLIENT_ID_API"] = "44444444-4444-4444-4444-444444444444" });

        Assert.Equal("", parameters.GetProperty("containerImage").GetProperty("value").GetString());
        Assert.False(parameters.GetProperty("apiExists").GetProperty("value").GetBoolean());
        Assert.Equal("", parameters.GetProperty("signInClientId").GetProperty("value").GetString());
    }

    [Fact]
    public void Parameter_file_without_the_client_id_fails_to_build()
    {
        var result = BicepCli.Run(new Dictionary<string, string>(), "build-params", RepositoryFiles.MainBicepParam, "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AZURE_CLIENT_ID_API", result.StandardError, StringComparison.Ordinal);
    }

    private static JsonElement BuildParameters(IReadOnlyDictionary<string, string> environment)
    {
        var result = BicepCli.Run(environment, "build-params", RepositoryFiles.MainBicepParam, "--stdout");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("", result.StandardError.Trim());

        var parametersJson = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("parametersJson").GetString()!;
        return JsonDocument.Parse(parametersJson).RootElement.GetProperty("parameters");
    }
}
