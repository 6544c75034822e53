using System.Text.RegularExpressions;

namespace SurrogateService.Infra.Tests;

/// <summary>Every resource name fits its type's naming rule, whatever environment name azd passes.</summary>
public class NamingTests
{
    /// <summary>
    /// Length and characters per resource type, from
    /// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
    /// (managed environments: https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.ContainerApp.EnvNaming/).
    /// </summary>
    private static readonly Dictionary<string, (int Min, int Max, Regex Pattern)> Rules = new()
    {
        ["Microsoft.OperationalInsights/workspaces"] = (4, 63, new Regex("^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$")),
        ["Microsoft.Insights/components"] = (1, 260, new Regex(@"^[^%&\\?/]*[^%&\\?/ .]$")),
        ["Microsoft.App/managedEnvironments"] = (2, 60, new Regex("^[a-z][a-z0-9-]*[a-z0-9]$")),
        ["Microsoft.ContainerRegistry/registries"] = (5, 50, new Regex("^[A-Za-z0-9]+$")),
        ["Microsoft.ManagedIdentity/userAssignedIdentities"] = (3, 128, new Regex("^[A-Za-z0-9][A-Za-z0-9_-]*$")),
        ["Microsoft.App/containerApps"] = (2, 32, new Regex("^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$")),
        ["Microsoft.Storage/storageAccounts"] = (3, 24, new Regex("^[a-z0-9]+$")),
        ["Microsoft.App/jobs"] = (2, 32, new Regex("^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$")),
    };

    [Theory]
    [InlineData("Dev_Env.1")]
    [InlineData("ABCDEFGHIJKLMNOP")]
    [InlineData("a-much-longer-environment_name.with.64.characters-for-the-limit")]
    public void Each_resource_name_fits_its_type_for_a_hostile_environment_name(string environmentName)
    {
        var snapshot = DeploymentSnapshot.Predict(
            $"param apiClientId = '{DeploymentSnapshot.ApiClientId}'",
            $"param environmentName = '{environmentName}'");

        foreach (var (type, rule) in Rules)
        {
            string name = snapshot.Single(type).GetProperty("name").GetString()!;
            Assert.InRange(name.Length, rule.Min, rule.Max);
            Assert.True(rule.Pattern.IsMatch(name), $"{type} name '{name}' breaks its naming rule.");
        }
    }

    [Fact]
    public void Two_environments_in_one_resource_group_share_no_resource_name()
    {
        static IEnumerable<string> Names(string environmentName)
        {
            var snapshot = DeploymentSnapshot.Predict(
                $"param apiClientId = '{DeploymentSnapshot.ApiClientId}'",
                $"param environmentName = '{environmentName}'");
            return Rules.Keys.Select(type => snapshot.Single(type).GetProperty("name").GetString()!);
        }

        Assert.Empty(Names("dev").Intersect(Names("test")));
    }
}
