using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// The service in Production with Azure AD settings for a fake tenant, validating tokens that
/// <see cref="TestTokens"/> signs. Only the signing keys and issuer list are swapped for offline
/// ones (Microsoft.Identity.Web's issuer validator would fetch tenant metadata); audience, lifetime,
/// scope and role checks are the real pipeline's.
/// </summary>
public sealed class AzureAdFactory : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _store = new("surrogate-store-");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.WithoutWarmUp();
        builder.UseSetting("Storage:Folder", _store.Path);
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", TestTokens.TenantId);
        builder.UseSetting("AzureAd:ClientId", TestTokens.ClientId);
        builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.V2Issuer(TestTokens.TenantId) };
                configuration.SigningKeys.Add(TestTokens.SigningKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                options.TokenValidationParameters.IssuerValidator = null;
                options.TokenValidationParameters.ValidIssuers =
                    [TestTokens.V2Issuer(TestTokens.TenantId), TestTokens.V1Issuer(TestTokens.TenantId)];
            }));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }
}
