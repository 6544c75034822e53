namespace SurrogateService.Api.Auth;

/// <summary>
/// "Sign in with Microsoft" for the pages people explore the API in (Swagger UI and the explorer):
/// the authorization-code flow with PKCE of a single-page app registration, a public client that has
/// no secret. Described whenever Entra ID is on; the browser pages offer it once
/// <c>BrowserSignIn:ClientId</c> names the single-page registration.
/// </summary>
/// <param name="AuthorizationUrl">The tenant's v2.0 authorize endpoint.</param>
/// <param name="TokenUrl">The tenant's v2.0 token endpoint.</param>
/// <param name="Scope">The delegated scope in its v2 form, <c>api://{API client id}/Surrogates.Invoke</c>.</param>
/// <param name="ClientId">Client id of the single-page registration; null when none is configured.</param>
public sealed record BrowserSignIn(Uri AuthorizationUrl, Uri TokenUrl, string Scope, string? ClientId)
{
    public const string ClientIdKey = "BrowserSignIn:ClientId";

    /// <summary>The endpoints and scope for the configured tenant, or null when Entra ID is off.</summary>
    public static BrowserSignIn? FromConfiguration(IConfiguration configuration)
    {
        if (AuthenticationSetup.IsDisabled(configuration))
            return null;
        var azureAd = configuration.GetSection("AzureAd");
        string? tenantId = azureAd["TenantId"];
        string? apiClientId = azureAd["ClientId"];
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(apiClientId))
            return null;

        // {instance}{tenant}/oauth2/v2.0/authorize and …/token:
        // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
        var instance = new Uri(azureAd["Instance"] is { Length: > 0 } configured ? configured : "https://login.microsoftonline.com/");
        var endpoints = new Uri(instance, $"{tenantId}/oauth2/v2.0/");
        string? clientId = configuration[ClientIdKey];
        return new BrowserSignIn(
            new Uri(endpoints, "authorize"),
            new Uri(endpoints, "token"),
            $"api://{apiClientId}/{AuthenticationSetup.InvokeScope}",
            string.IsNullOrWhiteSpace(clientId) ? null : clientId);
    }

    /// <summary>The sign-in host (scheme and authority), which the explorer page's content security policy must let it call.</summary>
    public string AuthorityOrigin => TokenUrl.GetLeftPart(UriPartial.Authority);
}
