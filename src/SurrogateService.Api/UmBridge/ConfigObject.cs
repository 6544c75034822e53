using System.Text.Json;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// A model's protocol <c>config</c> read strictly: an object (or absent/null/{}), only the members the
/// model knows, each of the right type; every mistake is an InvalidInput naming <c>config.member</c>.
/// </summary>
internal sealed class ConfigObject
{
    private readonly Dictionary<string, JsonElement> _members;

    private ConfigObject(Dictionary<string, JsonElement> members) => _members = members;

    public static ConfigObject Read(JsonElement? config, params string[] known)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (config is not JsonElement element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return new ConfigObject(members);
        if (element.ValueKind != JsonValueKind.Object)
            throw UmBridgeError.InvalidInput("config must be a JSON object.");
        foreach (var member in element.EnumerateObject())
        {
            if (!known.Contains(member.Name, StringComparer.Ordinal))
            {
                throw UmBridgeError.InvalidInput(known.Length == 0
                    ? $"config.{member.Name} is not a setting of this model; it takes none."
                    : $"config.{member.Name} is not a setting of this model; it takes {string.Join(", ", known)}.");
            }
            members[member.Name] = member.Value;
        }
        return new ConfigObject(members);
    }

    public bool Has(string name) => _members.ContainsKey(name);

    public JsonElement? Element(string name) => _members.TryGetValue(name, out var value) ? value : null;

    public int Integer(string name, int fallback, int minimum, int maximum)
    {
        if (!_members.TryGetValue(name, out var value))
            return fallback;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < minimum || number > maximum)
            throw UmBridgeError.InvalidInput($"config.{name} must be an integer between {minimum} and {maximum}.");
        return number;
    }

    public double Positive(string name, double fallback)
    {
        if (!_members.TryGetValue(name, out var value))
            return fallback;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number) || number <= 0)
            throw UmBridgeError.InvalidInput($"config.{name} must be a positive number.");
        return number;
    }

    /// <summary>An array of [x, y] pairs of finite numbers.</summary>
    public (double X, double Y)[]? Pairs(string name)
    {
        if (!_members.TryGetValue(name, out var value))
            return null;
        string shape = $"config.{name} must be an array of [x, y] pairs of numbers.";
        if (value.ValueKind != JsonValueKind.Array)
            throw UmBridgeError.InvalidInput(shape);
        var pairs = new List<(double, double)>();
        foreach (var pair in value.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Number))
                throw UmBridgeError.InvalidInput(shape);
            pairs.Add((pair[0].GetDouble(), pair[1].GetDouble()));
        }
        return [.. pairs];
    }
}
