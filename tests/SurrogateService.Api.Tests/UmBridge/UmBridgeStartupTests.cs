using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Api.UmBridge;

namespace SurrogateService.Api.Tests.UmBridge;

public class UmBridgeStartupTests
{
    [Fact]
    public void The_port_is_off_unless_configured()
    {
        using var factory = new ApiFactory();
        _ = factory.Server;
        Assert.Null(factory.Services.GetRequiredService<UmBridgeServer>().Address);
    }

    [Fact]
    public void Outside_Development_the_port_needs_the_explicit_opt_in()
    {
        using var refused = new AzureAdFactory().WithWebHostBuilder(b => b.UseSetting("UmBridge:Port", "0"));
        var error = Assert.ThrowsAny<Exception>(() => refused.Server);
        Assert.Contains("UmBridge:AllowUnauthenticated", Flatten(error), StringComparison.Ordinal);

        using var allowed = new AzureAdFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("UmBridge:Port", "0");
            b.UseSetting("UmBridge:AllowUnauthenticated", "true");
        });
        _ = allowed.Server;
        Assert.NotNull(allowed.Services.GetRequiredService<UmBridgeServer>().Address);
    }

    [Fact]
    public async Task Models_can_be_chosen_and_ordered()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("UmBridge:Port", "0");
            b.UseSetting("UmBridge:Models:0", "acoustic2d");
            b.UseSetting("UmBridge:Models:1", "branin");
        });
        _ = factory.Server;
        using var client = new HttpClient { BaseAddress = factory.Services.GetRequiredService<UmBridgeServer>().Address };
        var info = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/Info")).RootElement;
        Assert.Equal(["acoustic2d", "branin"], info.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        await client.Error("/Evaluate", new { name = "sphere" }, System.Net.HttpStatusCode.BadRequest, "ModelNotFound");
    }

    [Fact]
    public void An_unknown_model_in_the_configuration_stops_the_start()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("UmBridge:Port", "0");
            b.UseSetting("UmBridge:Models:0", "nope");
        });
        Assert.Contains("nope", Flatten(Assert.ThrowsAny<Exception>(() => factory.Server)), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
