using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace SurrogateService.Api.Auth;

/// <summary>
/// Azure AD (Entra ID) bearer tokens through Microsoft.Identity.Web, failing closed: without
/// <c>AzureAd</c> settings the service refuses to start, unless <c>Authentication:Mode=None</c>
/// is set in Development, where every caller is let through.
/// </summary>
public static class AuthenticationSetup
{
    /// <summary>The one policy on every compute route: delegated scope or application role.</summary>
    public const string InvokePolicy = "Surrogates.Invoke";
    public const string InvokeScope = "Surrogates.Invoke";
    public const string InvokeAppRole = "Surrogates.Invoke.All";
    public const string ModeKey = "Authentication:Mode";

    public static WebApplicationBuilder AddSurrogateAuthentication(this WebApplicationBuilder builder)
    {
        if (IsDisabled(builder.Configuration))
        {
            if (!builder.Environment.IsDevelopment())
                throw new InvalidOperationException($"{ModeKey}=None is accepted only in the Development environment; configure the AzureAd section instead.");
            builder.Services.AddAuthentication(OpenAccessHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, OpenAccessHandler>(OpenAccessHandler.SchemeName, null);
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy(InvokePolicy, policy => policy.RequireAuthenticatedUser());
            return builder;
        }

        var azureAd = builder.Configuration.GetSection("AzureAd");
        if (string.IsNullOrWhiteSpace(azureAd["TenantId"]) || string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            throw new InvalidOperationException(
                "Authentication is not configured: set AzureAd:Instance, AzureAd:TenantId and AzureAd:ClientId " +
                $"(environment variables AzureAd__TenantId, …), or {ModeKey}=None in Development.");
        }
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(azureAd);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InvokePolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireScopeOrAppPermission([InvokeScope], [InvokeAppRole]));
        return builder;
    }

    /// <summary>Makes an open Development service impossible to miss in the logs.</summary>
    public static WebApplication WarnIfAuthenticationDisabled(this WebApplication app)
    {
        if (IsDisabled(app.Configuration))
            app.Logger.LogWarning("Authentication is DISABLED ({Key}=None): every caller is accepted. Development only.", ModeKey);
        return app;
    }

    internal static bool IsDisabled(IConfiguration configuration) =>
        string.Equals(configuration[ModeKey], "None", StringComparison.OrdinalIgnoreCase);
}
