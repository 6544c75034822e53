using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Mints Azure AD-shaped access tokens signed with a key generated for this test run.</summary>
public static class TestTokens
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string OtherTenantId = "99999999-8888-7777-6666-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    public static RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string V2Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";

    /// <summary>
    /// A v2 token for this API; every argument can be bent to make it invalid in one way. The caller is a
    /// fresh object id unless <paramref name="objectId"/> names one; <paramref name="withObjectId"/> false
    /// leaves <c>oid</c> out, leaving the application (<paramref name="authorizedParty"/>, <c>azp</c>).
    /// </summary>
    public static string Create(
        string? scope = null,
        string? role = null,
        string audience = ClientId,
        string? issuer = null,
        string tenant = TenantId,
        string version = "2.0",
        TimeSpan? lifetime = null,
        string? objectId = null,
        string? authorizedParty = null,
        bool withObjectId = true)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(30));
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant,
            ["ver"] = version,
            ["sub"] = "test-subject",
        };
        if (withObjectId)
            claims["oid"] = objectId ?? Guid.NewGuid().ToString();
        if (authorizedParty is not null)
            claims["azp"] = authorizedParty;
        if (scope is not null)
            claims["scp"] = scope;
        if (role is not null)
            claims["roles"] = new[] { role };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? V2Issuer(tenant),
            Audience = audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            NotBefore = expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
