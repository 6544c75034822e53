namespace SurrogateService.Infra.Tests;

/// <summary>
/// The model store's storage account: private, keyless, one container, and the app's own identity
/// holding Storage Blob Data Contributor on it, with the blob endpoint handed to the app.
/// </summary>
public class ModelStorageTests
{
    private static readonly DeploymentSnapshot Release = DeploymentSnapshot.Release;

    [Fact]
    public void The_account_is_keyless_private_and_https_only()
    {
        var properties = Release.Single("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void One_private_container_holds_the_models_and_the_app_is_told_its_name()
    {
        // The account also holds the jobs' container (JobWorkerTests).
        var container = Assert.Single(Release.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => c.GetProperty("name").GetString()!.EndsWith("/models", StringComparison.Ordinal));
        var env = Environment();

        Assert.EndsWith("/default/models", container.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("None", container.GetProperty("properties").GetProperty("publicAccess").GetString());
        Assert.Equal("models", env["Storage__ModelsContainer"]);
    }

    [Fact]
    public void The_app_gets_the_accounts_blob_endpoint_and_no_key()
    {
        var env = Environment();
        string account = Release.Single("Microsoft.Storage/storageAccounts").GetProperty("name").GetString()!;

        Assert.Contains(account, env["Storage__BlobServiceUri"], StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", env["Storage__BlobServiceUri"], StringComparison.Ordinal);
        Assert.False(env.ContainsKey("Storage__ConnectionString"));
    }

    [Fact]
    public void The_apps_own_identity_holds_Storage_Blob_Data_Contributor_on_the_account()
    {
        var accountId = Release.Single("Microsoft.Storage/storageAccounts").GetProperty("id").GetString()!;
        var appId = Release.ContainerApp.GetProperty("id").GetString()!;
        var assignment = Assert.Single(Release.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            a => a.GetProperty("id").GetString()!.Contains($"'{accountId}'", StringComparison.Ordinal));
        var properties = assignment.GetProperty("properties");

        Assert.EndsWith($"/roleDefinitions/{DocumentedBuiltInRoles.IdsByName["StorageBlobDataContributor"]}",
            properties.GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        // The system-assigned identity's principal id is known only once the app exists: a reference to it.
        string principal = properties.GetProperty("principalId").GetString()!;
        Assert.Contains($"reference('{appId}'", principal, StringComparison.Ordinal);
        Assert.EndsWith(".identity.principalId]", principal, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
    }

    private static Dictionary<string, string?> Environment() =>
        Release.Container.GetProperty("env").EnumerateArray()
            .Where(e => e.TryGetProperty("value", out _))
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
}
