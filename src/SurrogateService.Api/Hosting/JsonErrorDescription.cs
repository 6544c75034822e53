using System.Text.Json;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Turns a System.Text.Json failure into the field a client must fix and a sentence it can act on.
/// The serializer reports its causes only in the exception text (unknown member, duplicate member,
/// nesting depth, wrong type), so that text is read here, in one place; a cause not recognised still
/// names the field, with a generic sentence. Type names never reach the client.
/// </summary>
internal static partial class JsonErrorDescription
{
    /// <summary>The deepest nesting the service reads; every request it serves needs fewer than ten levels.</summary>
    public const int MaxDepth = 64;

    public static (string Field, string Message) Describe(JsonException json, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        string field = FieldName(json.Path);
        string raw = json.Message;
        string inner = json.InnerException?.Message ?? "";

        if (UnmappedMember().Match(raw) is { Success: true } unmapped)
            return (field, "Is not a member of this object." + ValidMembers(unmapped.Groups["type"].Value, options));
        if (DuplicateMember().Match(raw) is { Success: true } duplicate)
            return (DuplicateField(field, duplicate.Groups["name"].Value), "Appears more than once; give each member once.");
        if (raw.StartsWith("Duplicate propert", StringComparison.Ordinal))
            return (field, "Appears more than once; give each member once.");
        if (inner.Contains("maximum configured depth", StringComparison.Ordinal) || raw.Contains("maximum configured depth", StringComparison.Ordinal))
            return (field, $"Is nested deeper than {MaxDepth} levels, the most the service reads.");

        if (!raw.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && raw.IndexOf(" Path: ", StringComparison.Ordinal) is > 0 and int end)
            return (field, $"Is not valid JSON: {raw[..end]}");

        string expected = Expected(raw, inner);
        string found = FoundToken().Match(inner) is { Success: true } token ? Found(token.Groups["token"].Value) : "";
        string where = json.LineNumber is long line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return (field, expected + found + where);
    }

    /// <summary>"$.points[0][1]" → "points[0][1]"; the root is called "body".</summary>
    public static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "body";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static string Expected(string raw, string inner) =>
        raw.Contains("System.Double", StringComparison.Ordinal) || inner.Contains("Double", StringComparison.Ordinal) ? "Must be a finite JSON number (NaN and Infinity are not allowed)." :
        raw.Contains("System.Int", StringComparison.Ordinal) || inner.Contains("Int32", StringComparison.Ordinal) || inner.Contains("Int64", StringComparison.Ordinal)
            ? "Must be an integer in range." :
        raw.Contains("System.Boolean", StringComparison.Ordinal) || inner.EndsWith("as a boolean.", StringComparison.Ordinal) ? "Must be true or false." :
        raw.Contains("System.String", StringComparison.Ordinal) || inner.EndsWith("as a string.", StringComparison.Ordinal) ? "Must be a string." :
        inner.EndsWith("as a number.", StringComparison.Ordinal) ? "Must be a JSON number." :
        raw.Contains("[]", StringComparison.Ordinal) ? "Must be an array." :
        ConvertedTo().Match(raw) is { Success: true } target && typeof(JsonErrorDescription).Assembly.GetType(target.Groups["type"].Value) is not null
            ? "Must be an object." :
        "Is not valid JSON here.";

    private static string Found(string token) => token switch
    {
        "StartArray" => " Found an array.",
        "StartObject" => " Found an object.",
        "String" => " Found a string.",
        "True" or "False" => " Found a boolean.",
        "Number" => " Found a number.",
        _ => "",
    };

    /// <summary>
    /// The duplicated name, placed under the object it belongs to: the serializer's path points at
    /// the member itself for typed objects but only at the enclosing object for free-form ones (options).
    /// </summary>
    private static string DuplicateField(string field, string name)
    {
        string last = field[(field.LastIndexOf('.') + 1)..];
        if (string.Equals(last, name, StringComparison.OrdinalIgnoreCase))
            return field[..(field.Length - last.Length)] + name;
        return field == "body" ? name : field + "." + name;
    }

    /// <summary>The members the contract type accepts, by their JSON names, so the client sees the spelling it meant.</summary>
    private static string ValidMembers(string typeName, JsonSerializerOptions options)
    {
        var type = typeof(JsonErrorDescription).Assembly.GetType(typeName);
        if (type is null)
            return "";
        var names = options.GetTypeInfo(type).Properties.Select(p => p.Name).ToArray();
        return names.Length == 0 ? "" : $" Valid members: {string.Join(", ", names)}.";
    }

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"^Duplicate property '(?<name>.*)' encountered", RegexOptions.Singleline)]
    private static partial Regex DuplicateMember();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[\w.]+)\.")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"token type '(?<token>\w+)'")]
    private static partial Regex FoundToken();
}
