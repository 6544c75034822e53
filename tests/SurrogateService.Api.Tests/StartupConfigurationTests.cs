using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Fail closed: a service without Azure AD settings must not start outside Development.</summary>
public class StartupConfigurationTests
{
    [Fact]
    public void Production_without_AzureAd_settings_refuses_to_start()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("AzureAd", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Authentication_mode_None_is_refused_outside_Development()
    {
        using var factory = new ServiceFactory().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Authentication:Mode", "None");
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("only in the Development environment", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
