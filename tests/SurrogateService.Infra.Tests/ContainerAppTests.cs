using System.Text.Json;

namespace SurrogateService.Infra.Tests;

/// <summary>The container app as a release deployment with default parameters would create it.</summary>
public class ContainerAppTests
{
    private static readonly DeploymentSnapshot Release = DeploymentSnapshot.Release;

    private static JsonElement Configuration => Release.ContainerApp.GetProperty("properties").GetProperty("configuration");

    private static JsonElement Template => Release.ContainerApp.GetProperty("properties").GetProperty("template");

    [Fact]
    public void Ingress_is_external_https_only_on_port_8080()
    {
        var ingress = Configuration.GetProperty("ingress");

        Assert.True(ingress.GetProperty("external").GetBoolean());
        Assert.False(ingress.GetProperty("allowInsecure").GetBoolean());
        Assert.Equal("auto", ingress.GetProperty("transport").GetString());
        Assert.Equal(8080, ingress.GetProperty("targetPort").GetInt32());
        Assert.Equal("Single", Configuration.GetProperty("activeRevisionsMode").GetString());
    }

    [Fact]
    public void Probes_check_the_ingress_port_with_or_without_an_image()
    {
        int targetPort = Configuration.GetProperty("ingress").GetProperty("targetPort").GetInt32();
        var probes = Release.Container.GetProperty("probes");

        Assert.Equal(["Liveness", "Readiness", "Startup"], probes.EnumerateArray().Select(p => p.GetProperty("type").GetString()).Order());
        Assert.All(probes.EnumerateArray(), probe =>
        {
            Assert.Equal(targetPort, probe.GetProperty("tcpSocket").GetProperty("port").GetInt32());
            Assert.InRange(probe.GetProperty("periodSeconds").GetInt32(), 1, 30);
        });
        // The placeholder of a first provision gets the very same probes.
        Assert.Equal(probes.GetRawText(), DeploymentSnapshot.FirstDeployment.Container.GetProperty("probes").GetRawText());
    }

    [Fact]
    public void Scales_from_zero_to_ten_replicas_on_http_concurrency()
    {
        var scale = Template.GetProperty("scale");

        Assert.Equal(0, scale.GetProperty("minReplicas").GetInt32());
        Assert.Equal(10, scale.GetProperty("maxReplicas").GetInt32());
        var rule = Assert.Single(scale.GetProperty("rules").EnumerateArray());
        var concurrentRequests = rule.GetProperty("http").GetProperty("metadata").GetProperty("concurrentRequests").GetString();
        Assert.True(int.Parse(concurrentRequests!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Each_replica_gets_two_vcpu_four_gibibytes_and_a_thirty_second_grace_period()
    {
        var resources = Release.Container.GetProperty("resources");

        Assert.Equal(2, resources.GetProperty("cpu").GetDouble());
        Assert.Equal("4.0Gi", resources.GetProperty("memory").GetString());
        Assert.Equal(30, Template.GetProperty("terminationGracePeriodSeconds").GetInt32());
    }

    [Fact]
    public void Dapr_sidecar_reaches_the_app_over_http_on_the_ingress_port()
    {
        var dapr = Configuration.GetProperty("dapr");

        Assert.True(dapr.GetProperty("enabled").GetBoolean());
        Assert.Equal("surrogate-service", dapr.GetProperty("appId").GetString());
        Assert.Equal(Configuration.GetProperty("ingress").GetProperty("targetPort").GetInt32(), dapr.GetProperty("appPort").GetInt32());
        Assert.Equal("http", dapr.GetProperty("appProtocol").GetString());
    }

    [Fact]
    public void Runs_the_given_image_with_the_azure_ad_settings_of_the_deployment()
    {
        var env = Release.Container.GetProperty("env").EnumerateArray()
            .Where(e => e.TryGetProperty("value", out _))
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());

        Assert.Equal(DeploymentSnapshot.ReleaseImage, Release.Container.GetProperty("image").GetString());
        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal(DeploymentSnapshot.TenantId, env["AzureAd__TenantId"]);
        Assert.Equal(DeploymentSnapshot.ApiClientId, env["AzureAd__ClientId"]);
        // Without an explicit audience the service accepts the bare client id (v2) and api://<client id> (v1).
        Assert.False(env.ContainsKey("AzureAd__Audience"));
        Assert.Equal("", env["BrowserSignIn__ClientId"]);
        // The login host differs between clouds, so it comes from the deployment's environment().
        Assert.Equal("[environment().authentication.loginEndpoint]", env["AzureAd__Instance"]);
    }

    [Fact]
    public void Telemetry_goes_to_application_insights_through_a_secret_and_shutdown_fits_the_grace_period()
    {
        var secretRefs = Release.Container.GetProperty("env").EnumerateArray()
            .Where(e => e.TryGetProperty("secretRef", out _))
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("secretRef").GetString());
        var env = Release.Container.GetProperty("env").EnumerateArray()
            .Where(e => e.TryGetProperty("value", out _))
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString());
        int grace = Release.Single("Microsoft.App/containerApps").GetProperty("properties").GetProperty("template")
            .GetProperty("terminationGracePeriodSeconds").GetInt32();

        Assert.Single(Release.ResourcesOfType("Microsoft.Insights/components"));
        Assert.Equal("appinsights-connection-string", secretRefs["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.True(int.Parse(env["Hosting__ShutdownTimeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture) < grace);
    }

    [Fact]
    public void First_deployment_runs_a_public_placeholder_listening_on_the_ingress_port()
    {
        var container = DeploymentSnapshot.FirstDeployment.Container;

        Assert.StartsWith("mcr.microsoft.com/dotnet/samples:aspnetapp", container.GetProperty("image").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_authentication_is_deployed_off_by_default_and_switched_by_the_parameter()
    {
        static JsonElement Properties(DeploymentSnapshot snapshot) =>
            snapshot.Single("Microsoft.App/containerApps/authConfigs").GetProperty("properties");

        Assert.False(Properties(Release).GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.True(Properties(DeploymentSnapshot.WithBuiltInAuth).GetProperty("platform").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Built_in_authentication_accepts_v2_tokens_for_both_audiences_and_leaves_the_health_paths_open()
    {
        var authConfig = DeploymentSnapshot.WithBuiltInAuth.Single("Microsoft.App/containerApps/authConfigs").GetProperty("properties");

        var validation = authConfig.GetProperty("globalValidation");
        Assert.Equal("Return401", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal(["/healthz/live", "/healthz/ready"], validation.GetProperty("excludedPaths").EnumerateArray().Select(p => p.GetString()).Order());

        var azureAd = authConfig.GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        string issuer = azureAd.GetProperty("registration").GetProperty("openIdIssuer").GetString()!;
        Assert.Equal(DeploymentSnapshot.ApiClientId, azureAd.GetProperty("registration").GetProperty("clientId").GetString());
        // The login host differs between clouds, so the snapshot keeps the environment() expression.
        Assert.Equal($"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{DeploymentSnapshot.TenantId}')]", issuer);
        Assert.Equal(
            [DeploymentSnapshot.ApiClientId, $"api://{DeploymentSnapshot.ApiClientId}"],
            azureAd.GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void The_environment_sends_dapr_telemetry_to_application_insights_and_encrypts_peer_traffic()
    {
        var environment = Release.Single("Microsoft.App/managedEnvironments").GetProperty("properties");

        Assert.Contains("Microsoft.Insights/components", environment.GetProperty("daprAIConnectionString").GetString(), StringComparison.Ordinal);
        Assert.True(environment.GetProperty("peerTrafficConfiguration").GetProperty("encryption").GetProperty("enabled").GetBoolean());
    }
}
