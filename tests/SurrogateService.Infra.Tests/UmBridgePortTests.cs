using System.Text.Json;

namespace SurrogateService.Infra.Tests;

/// <summary>The UM-Bridge port has no authentication: off by default, and when on, reachable only inside the environment.</summary>
public class UmBridgePortTests
{
    private static JsonElement Ingress(DeploymentSnapshot snapshot) =>
        snapshot.ContainerApp.GetProperty("properties").GetProperty("configuration").GetProperty("ingress");

    private static string[] EnvironmentNames(DeploymentSnapshot snapshot) =>
        snapshot.ContainerApp.GetProperty("properties").GetProperty("template").GetProperty("containers")[0]
            .GetProperty("env").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public void By_default_there_is_no_additional_port_and_the_service_keeps_it_closed()
    {
        Assert.Equal(0, Ingress(DeploymentSnapshot.Release).GetProperty("additionalPortMappings").GetArrayLength());
        Assert.DoesNotContain(EnvironmentNames(DeploymentSnapshot.Release), n => n.StartsWith("UmBridge__", StringComparison.Ordinal));
    }

    [Fact]
    public void When_on_the_port_is_mapped_internal_and_the_service_opted_in()
    {
        var ingress = Ingress(DeploymentSnapshot.WithUmBridge);
        var mapping = Assert.Single(ingress.GetProperty("additionalPortMappings").EnumerateArray());
        Assert.False(mapping.GetProperty("external").GetBoolean());
        Assert.Equal(4242, mapping.GetProperty("targetPort").GetInt32());
        // The main ingress is unchanged: public, Entra ID in the app.
        Assert.True(ingress.GetProperty("external").GetBoolean());
        Assert.Equal(8080, ingress.GetProperty("targetPort").GetInt32());
        var container = DeploymentSnapshot.WithUmBridge.ContainerApp.GetProperty("properties").GetProperty("template").GetProperty("containers")[0];
        var env = container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.TryGetProperty("value", out var v) ? v.GetString() : null);
        Assert.Equal("4242", env["UmBridge__Port"]);
        Assert.Equal("true", env["UmBridge__AllowUnauthenticated"]);
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
    }
}
