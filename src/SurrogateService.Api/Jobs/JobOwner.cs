using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using SurrogateService.Api.Auth;
using SurrogateService.Api.Models;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// Whose job it is, by the same rule as stored models (<see cref="ModelOwner"/>: the token's tenant and
/// object id, or the client application's id for a token without one; one owner with authentication
/// off). Jobs are keyed by a hash of that owner, so a job id alone never reaches another caller's job and
/// the storage keys hold no directory ids.
/// </summary>
public static class JobOwner
{
    /// <summary>The owner key of the request's caller, or null when the token names no one (then no job is theirs).</summary>
    public static string? KeyOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return KeyOf(context.User, AuthenticationSetup.IsDisabled(context.RequestServices.GetRequiredService<IConfiguration>()));
    }

    public static string? KeyOf(ClaimsPrincipal user, bool authenticationDisabled)
    {
        try
        {
            return Hex("owner:" + ModelOwner.Of(user, authenticationDisabled))[..32];
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    internal static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
