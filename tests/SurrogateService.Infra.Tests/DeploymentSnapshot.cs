using System.Text.Json;

namespace SurrogateService.Infra.Tests;

/// <summary>
/// Resources and outputs that <c>bicep snapshot</c> predicts for main.bicep with the given parameter values,
/// every expression that needs no live Azure resource evaluated.
/// </summary>
internal sealed class DeploymentSnapshot
{
    public const string TenantId = "11111111-1111-1111-1111-111111111111";
    public const string ApiClientId = "33333333-3333-3333-3333-333333333333";
    public const string ReleaseImage = "crsurrogate.azurecr.io/surrogate-service:1";
    public const string ResourceGroup = "rg-surrogate-test";

    private static readonly Lazy<DeploymentSnapshot> ReleaseLazy = new(() => Predict(
        $"param apiClientId = '{ApiClientId}'",
        $"param containerImage = '{ReleaseImage}'"));

    private static readonly Lazy<DeploymentSnapshot> FirstDeploymentLazy = new(() => Predict(
        $"param apiClientId = '{ApiClientId}'"));

    private static readonly Lazy<DeploymentSnapshot> WithBuiltInAuthLazy = new(() => Predict(
        $"param apiClientId = '{ApiClientId}'",
        $"param containerImage = '{ReleaseImage}'",
        "param builtInAuthEnabled = true"));

    private static readonly Lazy<DeploymentSnapshot> WithUmBridgeLazy = new(() => Predict(
        $"param apiClientId = '{ApiClientId}'",
        $"param containerImage = '{ReleaseImage}'",
        "param umBridgePort = 4242"));

    private DeploymentSnapshot(JsonElement root) => Root = root;

    /// <summary>A deployment of a built image with every other parameter at its default.</summary>
    public static DeploymentSnapshot Release => ReleaseLazy.Value;

    /// <summary>The first deployment, before any image is in the registry.</summary>
    public static DeploymentSnapshot FirstDeployment => FirstDeploymentLazy.Value;

    /// <summary>A release with Container Apps built-in authentication switched on.</summary>
    public static DeploymentSnapshot WithBuiltInAuth => WithBuiltInAuthLazy.Value;

    /// <summary>A release with the UM-Bridge port on 4242.</summary>
    public static DeploymentSnapshot WithUmBridge => WithUmBridgeLazy.Value;

    public JsonElement Root { get; }

    public IEnumerable<JsonElement> ResourcesOfType(string type) =>
        Root.GetProperty("predictedResources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

    public JsonElement Single(string type) => Assert.Single(ResourcesOfType(type));

    public JsonElement ContainerApp => Single("Microsoft.App/containerApps");

    public JsonElement Container =>
        Assert.Single(ContainerApp.GetProperty("properties").GetProperty("template").GetProperty("containers").EnumerateArray());

    /// <summary>The snapshot for the given parameter lines; the test fails if Bicep refuses them.</summary>
    public static DeploymentSnapshot Predict(params string[] parameterLines)
    {
        var (result, snapshot) = TryPredict(parameterLines);
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        return snapshot!;
    }

    /// <summary>Runs <c>bicep snapshot</c>; the snapshot is null when Bicep refuses the parameters.</summary>
    public static (BicepResult Result, DeploymentSnapshot? Snapshot) TryPredict(params string[] parameterLines)
    {
        var directory = Directory.CreateTempSubdirectory("infra-snapshot-");
        try
        {
            // A .bicepparam may only name its template by a relative path.
            var template = Path.GetRelativePath(directory.FullName, RepositoryFiles.MainBicep).Replace('\\', '/');
            var parameterFile = Path.Combine(directory.FullName, "test.bicepparam");
            File.WriteAllLines(parameterFile, [$"using '{template}'", .. parameterLines]);

            var result = BicepCli.Run(
                "snapshot", parameterFile, "--mode", "overwrite",
                "--tenant-id", TenantId,
                "--subscription-id", "22222222-2222-2222-2222-222222222222",
                "--resource-group", ResourceGroup,
                "--location", "westeurope");
            var snapshotFile = Path.Combine(directory.FullName, "test.snapshot.json");
            if (result.ExitCode != 0 || !File.Exists(snapshotFile))
                return (result, null);
            return (result, new DeploymentSnapshot(JsonDocument.Parse(File.ReadAllText(snapshotFile)).RootElement));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
