using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// Whose job it is: the caller's object id (<c>oid</c>, users and service principals alike), or for a
/// token without one the client application (<c>azp</c>, v1 <c>appid</c>). Jobs are keyed by a hash of
/// it, so storage holds no directory ids and a job id alone never reaches another caller's job.
/// </summary>
public static class JobOwner
{
    // Microsoft.Identity.Web maps "oid" to this long name unless the mapping is turned off.
    private const string ObjectIdLongName = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The owner key of the caller, or null when the token names no one (then no job is theirs).</summary>
    public static string? KeyOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var caller = user.FindFirst("oid")?.Value is { Length: > 0 } oid ? "oid:" + oid
            : user.FindFirst(ObjectIdLongName)?.Value is { Length: > 0 } longOid ? "oid:" + longOid
            : user.FindFirst("azp")?.Value is { Length: > 0 } azp ? "app:" + azp
            : user.FindFirst("appid")?.Value is { Length: > 0 } appId ? "app:" + appId
            // Development with authentication off: one local caller.
            : user.Identity?.AuthenticationType == Auth.OpenAccessHandler.SchemeName ? "local:" + user.Identity.Name
            : null;
        return caller is null ? null : Hex(caller)[..32];
    }

    internal static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
