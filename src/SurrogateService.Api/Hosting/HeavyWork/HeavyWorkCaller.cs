using System.Security.Claims;
using Microsoft.Identity.Web;

namespace SurrogateService.Api.Hosting.HeavyWork;

/// <summary>
/// Who is asking, for sharing the heavy-work slots fairly: the token's object id for users and service
/// principals, else the client application's id, else the client address (authentication off, and
/// the UM-Bridge port, which has none).
/// </summary>
public static class HeavyWorkCaller
{
    // Claim names of Microsoft identity platform access tokens
    // (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference): "oid" is the
    // immutable object id of the requester, the user or the service principal; "azp" (v2.0 tokens) and
    // "appid" (v1.0 tokens) are the application id of the client using the token.
    private const string AuthorizedParty = "azp";
    private const string ApplicationId = "appid";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            // GetObjectId reads "oid" and its long form, which inbound claim mapping may have produced.
            if (user.GetObjectId() is { Length: > 0 } objectId)
                return "oid:" + objectId;
            if ((Claim(user, AuthorizedParty) ?? Claim(user, ApplicationId)) is { Length: > 0 } application)
                return "app:" + application;
        }
        return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static string? Claim(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;
}
