using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Identity.Web;

namespace SurrogateService.Api.Models;

/// <summary>
/// Whose models a request may see: stored models live under their owner, and another owner's id is
/// answered as unknown. With Entra ID the owner is the token's tenant and object id (<c>tid</c>, <c>oid</c>):
/// the Microsoft identity platform's access-token reference describes <c>oid</c> as the immutable
/// identifier of the user or service principal that requested the token, fit to key data by, and
/// <c>azp</c> as the client application's id, the fallback for a token without <c>oid</c>
/// (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference). With
/// authentication off (Development) everyone is the one owner <see cref="Anonymous"/>.
/// </summary>
public static class ModelOwner
{
    public const string Anonymous = "anonymous";

    /// <summary>The owner's path segment under which its models are stored; safe in blob names and file paths.</summary>
    public static string Of(ClaimsPrincipal user, bool authenticationDisabled)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (authenticationDisabled)
            return Anonymous;
        string? tenant = user.GetTenantId();
        string? objectId = user.GetObjectId();
        string? caller = objectId is not null ? "o-" + objectId
            : user.FindFirst("azp")?.Value is { } azp ? "a-" + azp
            : user.FindFirst("appid")?.Value is { } appId ? "a-" + appId
            : null;
        if (tenant is null || caller is null)
            throw new InvalidOperationException("An authenticated caller without tid and oid or azp: the token cannot own models.");
        return Segment("t-" + tenant) + "/" + Segment(caller);
    }

    /// <summary>Ids as Entra writes them (GUIDs) are kept readable; anything else is hashed so no claim can steer the path.</summary>
    private static string Segment(string value)
    {
        string id = value[2..];
        return Guid.TryParseExact(id, "D", out var guid)
            ? value[..2] + guid.ToString("D")
            : value[..2] + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
