using System.Net;
using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>"Sign in with Microsoft" in Swagger UI and the explorer: authorization code with PKCE for a single-page client, no secret.</summary>
public class BrowserSignInTests(BrowserSignInFactory factory) : IClassFixture<BrowserSignInFactory>
{
    // The tenant's v2.0 endpoints and the scope's v2 form (api://{API client id}/{scope}):
    // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
    private static readonly string AuthorizationUrl = $"https://login.microsoftonline.com/{TestTokens.TenantId}/oauth2/v2.0/authorize";
    private static readonly string TokenUrl = $"https://login.microsoftonline.com/{TestTokens.TenantId}/oauth2/v2.0/token";
    private static readonly string Scope = $"api://{TestTokens.ClientId}/Surrogates.Invoke";

    [Fact]
    public async Task The_document_describes_the_oauth2_scheme_beside_the_bearer_scheme()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        var oauth2 = schemes.GetProperty("oauth2");
        Assert.Equal("oauth2", oauth2.GetProperty("type").GetString());
        var flows = oauth2.GetProperty("flows");
        Assert.Equal(["authorizationCode"], flows.EnumerateObject().Select(f => f.Name));
        var flow = flows.GetProperty("authorizationCode");
        Assert.Equal(AuthorizationUrl, flow.GetProperty("authorizationUrl").GetString());
        Assert.Equal(TokenUrl, flow.GetProperty("tokenUrl").GetString());
        Assert.Equal([Scope], flow.GetProperty("scopes").EnumerateObject().Select(s => s.Name));

        // Two requirement objects: either scheme satisfies the API.
        var requirements = document.RootElement.GetProperty("security").EnumerateArray().ToList();
        Assert.Equal(2, requirements.Count);
        Assert.Contains(requirements, r => r.TryGetProperty("bearer", out _));
        Assert.Contains(requirements, r => r.TryGetProperty("oauth2", out var scopes) && scopes[0].GetString() == Scope);
    }

    [Fact]
    public async Task Swagger_ui_signs_in_with_the_single_page_client_and_pkce_and_no_secret()
    {
        using var oauth = await SwaggerUiOAuthConfig();

        Assert.Equal(BrowserSignInFactory.SinglePageClientId, oauth.RootElement.GetProperty("clientId").GetString());
        Assert.True(oauth.RootElement.GetProperty("usePkceWithAuthorizationCodeGrant").GetBoolean());
        Assert.Equal([Scope], oauth.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(!oauth.RootElement.TryGetProperty("clientSecret", out var secret) || secret.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task The_explorer_reads_its_sign_in_settings_which_hold_no_secret()
    {
        using var settings = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/explorer/sign-in"));

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["clientId"] = BrowserSignInFactory.SinglePageClientId,
                ["authorizationUrl"] = AuthorizationUrl,
                ["tokenUrl"] = TokenUrl,
                ["scope"] = Scope,
            },
            settings.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()));
    }

    [Fact]
    public async Task The_explorer_may_redeem_its_code_at_the_sign_in_host_and_nowhere_else()
    {
        var response = await factory.CreateClient().GetAsync("/");

        string policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explorer_script_uses_pkce_and_carries_no_secret()
    {
        string script = await factory.CreateClient().GetStringAsync("/sign-in.js");

        Assert.Contains("code_challenge_method: 'S256'", script, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", script, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> SwaggerUiOAuthConfig()
    {
        var client = factory.CreateClient();
        // Swashbuckle writes initOAuth's argument into the page's script as JSON.
        foreach (string path in new[] { "/swagger/index.js", "/swagger/index.html" })
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
                continue;
            string text = await response.Content.ReadAsStringAsync();
            int at = text.IndexOf("\"usePkceWithAuthorizationCodeGrant\"", StringComparison.Ordinal);
            if (at < 0)
                continue;
            int start = text.LastIndexOf('{', at);
            return JsonDocument.Parse(text[start..(text.IndexOf('}', at) + 1)]);
        }
        throw new Xunit.Sdk.XunitException("Swagger UI serves no OAuth configuration.");
    }
}

/// <summary>Without Entra ID (Development, authentication off) there is nothing to sign in to.</summary>
public class BrowserSignInOffTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_explorer_finds_no_sign_in_settings_and_the_document_no_oauth2_scheme()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/explorer/sign-in")).StatusCode);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        Assert.False(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("oauth2", out _));
    }
}
