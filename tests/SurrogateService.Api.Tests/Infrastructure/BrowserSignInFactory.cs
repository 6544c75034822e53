using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>The service in Production with Entra ID for a fake tenant and a single-page registration for browser sign-in.</summary>
public sealed class BrowserSignInFactory : WebApplicationFactory<Program>
{
    public const string SinglePageClientId = "bbbbbbbb-cccc-dddd-eeee-ffffffffffff";

    private readonly TemporaryFolder _store = new("surrogate-store-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.WithoutWarmUp();
        builder.UseSetting("Storage:Folder", _store.Path);
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", TestTokens.TenantId);
        builder.UseSetting("AzureAd:ClientId", TestTokens.ClientId);
        builder.UseSetting("BrowserSignIn:ClientId", SinglePageClientId);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }
}
