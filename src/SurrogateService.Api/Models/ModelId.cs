using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Models;

/// <summary>
/// A stored model's id: the SHA-256 of its canonical document (<see cref="CanonicalModel"/>) in lower-case
/// hex. Content-derived, so the same document always has the same id and a stored model cannot change
/// under its id; it also keys the cache of prepared models.
/// </summary>
public static partial class ModelId
{
    public const int Length = 64;

    public const string Pattern = "^[0-9a-f]{64}$";

    public static string Of(ReadOnlySpan<byte> canonicalDocument) =>
        Convert.ToHexStringLower(SHA256.HashData(canonicalDocument));

    public static bool IsWellFormed(string? id) => id is not null && WellFormed().IsMatch(id);

    public const string FormatMessage = "Must be a model id: 64 lower-case hexadecimal digits, as POST /v1/models returns.";

    [GeneratedRegex(Pattern)]
    private static partial Regex WellFormed();
}
