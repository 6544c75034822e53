using System.Text.Json;

namespace SurrogateService.Api.Tests.Documentation;

/// <summary>
/// Whether an answer has the shape the documentation shows. Objects: every member shown is present (others
/// may be too) and has the shape shown. Arrays: the answer has at least as many items, each shown item
/// matching the answer's item at its index (an empty array shown matches any array). Numbers: any number
/// (the digits shown are illustrative, so that a better fit does not break the page). Strings, booleans
/// and null: equal.
/// </summary>
public static class JsonShape
{
    /// <summary>The first mismatch as a JSON path and reason, or null when the answer has the shape.</summary>
    public static string? Mismatch(JsonElement shown, JsonElement actual, string path = "$")
    {
        switch (shown.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                    return $"{path}: expected an object, found {actual.ValueKind}";
                foreach (var member in shown.EnumerateObject())
                {
                    if (!actual.TryGetProperty(member.Name, out var value))
                        return $"{path}.{member.Name}: missing";
                    if (Mismatch(member.Value, value, $"{path}.{member.Name}") is { } inner)
                        return inner;
                }
                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array)
                    return $"{path}: expected an array, found {actual.ValueKind}";
                if (actual.GetArrayLength() < shown.GetArrayLength())
                    return $"{path}: expected at least {shown.GetArrayLength()} items, found {actual.GetArrayLength()}";
                int index = 0;
                foreach (var item in shown.EnumerateArray())
                {
                    if (Mismatch(item, actual[index], $"{path}[{index}]") is { } inner)
                        return inner;
                    index++;
                }
                return null;
            case JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number ? null : $"{path}: expected a number, found {actual.ValueKind}";
            default:
                return JsonElement.DeepEquals(shown, actual) ? null : $"{path}: expected {shown.GetRawText()}, found {actual.GetRawText()}";
        }
    }
}
