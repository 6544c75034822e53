using System.Security.Cryptography;

namespace SurrogateService.Api.Jobs;

/// <summary>Job ids: 32 lower-case hex digits, random, or a hash of the owner and Idempotency-Key so that a retried POST finds its job.</summary>
public static class JobIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string ForIdempotencyKey(string owner, string key) => JobOwner.Hex(owner + "\n" + key)[..32];

    /// <summary>Whether the text is a key this service makes (owner keys and job ids alike); anything else names no job.</summary>
    public static bool IsKey(string? text) => text is { Length: 32 } && text.All(char.IsAsciiHexDigitLower);
}
