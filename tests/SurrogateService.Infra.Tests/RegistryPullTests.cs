namespace SurrogateService.Infra.Tests;

/// <summary>The app pulls its image with a user-assigned identity that holds AcrPull on the registry.</summary>
public class RegistryPullTests
{
    private const string AcrPullRoleId = "7f951dfd-4ca2-4e9e-9b5d-c8d1ce6a3e3a";

    private static readonly DeploymentSnapshot Release = DeploymentSnapshot.Release;

    [Fact]
    public void Registry_has_no_admin_user()
    {
        var registry = Release.Single("Microsoft.ContainerRegistry/registries");

        Assert.False(registry.GetProperty("properties").GetProperty("adminUserEnabled").GetBoolean());
    }

    [Fact]
    public void App_pulls_with_its_user_assigned_identity()
    {
        var identityId = Release.Single("Microsoft.ManagedIdentity/userAssignedIdentities").GetProperty("id").GetString();
        var app = Release.ContainerApp;

        // The system-assigned identity is the app's own, for its data (ModelStorageTests).
        Assert.Equal("SystemAssigned,UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal([identityId], app.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Select(p => p.Name));
        var pull = Assert.Single(app.GetProperty("properties").GetProperty("configuration").GetProperty("registries").EnumerateArray());
        Assert.Equal(identityId, pull.GetProperty("identity").GetString());
    }

    [Fact]
    public void Identity_holds_AcrPull_on_the_registry()
    {
        var identityId = Release.Single("Microsoft.ManagedIdentity/userAssignedIdentities").GetProperty("id").GetString()!;
        var registryId = Release.Single("Microsoft.ContainerRegistry/registries").GetProperty("id").GetString()!;
        var assignment = Assert.Single(Release.ResourcesOfType("Microsoft.Authorization/roleAssignments"),
            a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.EndsWith(DocumentedBuiltInRoles.IdsByName["AcrPull"], StringComparison.Ordinal));
        var properties = assignment.GetProperty("properties");

        Assert.StartsWith($"{registryId}/providers/Microsoft.Authorization/roleAssignments/", assignment.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"/roleDefinitions/{DocumentedBuiltInRoles.IdsByName["AcrPull"]}", properties.GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{identityId}'", properties.GetProperty("principalId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
    }

    [Fact]
    public void The_pull_identity_is_not_handed_to_the_containers()
    {
        var identityId = Release.Single("Microsoft.ManagedIdentity/userAssignedIdentities").GetProperty("id").GetString();
        var settings = Release.ContainerApp.GetProperty("properties").GetProperty("configuration").GetProperty("identitySettings");

        var pullIdentity = Assert.Single(settings.EnumerateArray());
        Assert.Equal(identityId, pullIdentity.GetProperty("identity").GetString());
        Assert.Equal("None", pullIdentity.GetProperty("lifecycle").GetString());
    }
}
