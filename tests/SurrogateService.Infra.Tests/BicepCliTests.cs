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
    public void Parameter_file_reads_the_client_id_and_image_from_the_environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURE_CLIENT_ID_API"] = "44444444-4444-4444-4444-444444444444",
            ["SERVICE_API_IMAGE_NAME"] = "crexample.azurecr.io/surrogate-service:7",
        };

        var parameters = BuildParameters(environment);

        Assert.Equal("44444444-4444-4444-4444-444444444444", parameters.GetProperty("apiClientId").GetProperty("value").GetString());
        Assert.Equal("crexample.azurecr.io/surrogate-service:7", parameters.GetProperty("containerImage").GetProperty("value").GetString());
    }

    [Fact]
    public void Parameter_file_without_environment_describes_a_first_deployment()
    {
        var parameters = BuildParameters(new Dictionary<string, string>());

        Assert.Equal(36, parameters.GetProperty("apiClientId").GetProperty("value").GetString()!.Length);
        Assert.Equal("", parameters.GetProperty("containerImage").GetProperty("value").GetString());
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
