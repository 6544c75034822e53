namespace SurrogateService.Infra.Tests;

public class CompiledTemplateTests
{
    private const string AcrPullRoleId = "7f951dfd-4ca2-4e9e-9b5d-c8d1ce6a3e3a";

    private static readonly CompiledTemplate Main = CompiledTemplate.OfMain;

    private static string AppModuleName =>
        Assert.Single(Main.Modules.Where(m => m.Template.ResourcesOfType("Microsoft.App/containerApps").Any()).Select(m => m.Name));

    [Fact]
    public void Container_app_is_deployed_after_its_identity_holds_AcrPull()
    {
        var granting = Assert.Single(Main.Modules.Where(m => GrantsAcrPull(m.Template)).Select(m => m.Name));
        var appDeployment = Main.Module(AppModuleName);

        var dependsOn = appDeployment.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString());
        Assert.Contains($"[resourceId('{CompiledTemplate.DeploymentType}', '{granting}')]", dependsOn);

        // The identity the app runs and pulls with is the one that module granted.
        var identity = appDeployment.GetProperty("properties").GetProperty("parameters")
            .GetProperty("identityResourceId").GetProperty("value").GetString()!;
        Assert.Contains($"'{granting}'", identity, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_authentication_is_always_deployed_and_off_by_default()
    {
        var app = Main.Modules.Single(m => m.Name == AppModuleName).Template;

        var authConfig = Assert.Single(app.ResourcesOfType("Microsoft.App/containerApps/authConfigs"));
        Assert.False(authConfig.TryGetProperty("condition", out _));
        Assert.Equal("[parameters('builtInAuthEnabled')]",
            authConfig.GetProperty("properties").GetProperty("platform").GetProperty("enabled").GetString());
        Assert.False(Main.DefaultOf("builtInAuthEnabled").GetBoolean());
    }

    [Fact]
    public void Scale_size_and_shutdown_defaults_are_parameters()
    {
        Assert.Equal(0, Main.DefaultOf("minReplicas").GetInt32());
        Assert.Equal(10, Main.DefaultOf("maxReplicas").GetInt32());
        Assert.True(Main.DefaultOf("httpConcurrentRequests").GetInt32() > 0);
        Assert.Equal("2.0", Main.DefaultOf("cpuCores").GetString());
        Assert.Equal(30, Main.DefaultOf("terminationGracePeriodSeconds").GetInt32());
        Assert.Equal("surrogate-service", Main.DefaultOf("daprAppId").GetString());
    }

    [Fact]
    public void Every_parameter_of_the_template_and_its_modules_is_described()
    {
        var templates = Main.Modules.Select(module => module.Template).Prepend(Main);

        var undescribed = templates.SelectMany(template => template.Parameters)
            .Where(parameter => !parameter.Value.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("description", out _))
            .Select(parameter => parameter.Name);

        Assert.Empty(undescribed);
    }

    /// <summary>A role assignment of the template names AcrPull (the imported table of ids holds every role, so its text alone says nothing).</summary>
    private static bool GrantsAcrPull(CompiledTemplate template) =>
        template.ResourcesOfType("Microsoft.Authorization/roleAssignments").Any(assignment =>
            assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.EndsWith(".AcrPull)]", StringComparison.Ordinal))
        && template.Root.GetRawText().Contains(DocumentedBuiltInRoles.IdsByName["AcrPull"], StringComparison.Ordinal);
}
