using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// OpenID metadata and signing keys of a fake Entra ID tenant on loopback, so a separate process (the
/// published build) validates <see cref="TestTokens"/> through the unmodified Microsoft.Identity.Web
/// pipeline: its instance is this host. Serves the tenant's v2.0 and v1 metadata and the key set.
/// </summary>
public sealed class FakeEntraMetadata : IAsyncDisposable
{
    private readonly WebApplication _host;

    private FakeEntraMetadata(WebApplication host, string instance)
    {
        _host = host;
        Instance = instance;
    }

    /// <summary>The instance URL (ends with a slash), to configure as <c>AzureAd:Instance</c>.</summary>
    public string Instance { get; }

    /// <summary>Issuer of v2.0 tokens of the test tenant at this instance.</summary>
    public string V2Issuer => $"{Instance}{TestTokens.TenantId}/v2.0";

    public static async Task<FakeEntraMetadata> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var host = builder.Build();
        string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";
        host.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpContext context) =>
            Results.Json(Metadata($"{Base(context)}{tenant}/v2.0", Base(context), tenant)));
        host.MapGet("/{tenant}/.well-known/openid-configuration", (string tenant, HttpContext context) =>
            Results.Json(Metadata($"{Base(context)}{tenant}/", Base(context), tenant)));
        host.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(TestTokens.SigningKey);
            return Results.Json(new
            {
                keys = new[] { new { kty = key.Kty, use = "sig", kid = key.Kid, n = key.N, e = key.E } },
            });
        });
        await host.StartAsync();
        string address = host.Urls.Single();
        return new FakeEntraMetadata(host, address.TrimEnd('/') + "/");
    }

    private static Dictionary<string, object> Metadata(string issuer, string instance, string tenant) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{instance}{tenant}/discovery/v2.0/keys",
        ["authorization_endpoint"] = $"{instance}{tenant}/oauth2/v2.0/authorize",
        ["token_endpoint"] = $"{instance}{tenant}/oauth2/v2.0/token",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    };

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
