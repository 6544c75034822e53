using System.Text.Json;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Binds a JSON <c>options</c> object to a method's <see cref="OptionSpec"/> list: unknown names,
/// wrong types and out-of-range values become field errors such as <c>options.p</c>.
/// </summary>
public static class OptionsBinder
{
    /// <param name="dimension">When known, per-dimension arrays must have exactly this many entries.</param>
    public static OptionValues? Bind(JsonElement? json, IReadOnlyList<OptionSpec> specs, string field, RequestErrors errors, int? dimension = null)
    {
        if (json is not JsonElement element || element.ValueKind == JsonValueKind.Null)
            return OptionValues.Defaults(specs);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, "Must be an object.");
            return null;
        }

        var given = new Dictionary<string, object>(StringComparer.Ordinal);
        bool valid = true;
        foreach (var property in element.EnumerateObject())
        {
            string name = $"{field}.{property.Name}";
            var spec = specs.FirstOrDefault(s => string.Equals(s.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                errors.Add(name, specs.Count == 0
                    ? "This method takes no options."
                    : $"Unknown option. Valid options: {string.Join(", ", specs.Select(s => s.Name))}.");
                valid = false;
                continue;
            }
            string? error = TryConvert(property.Value, spec, out object? value)
                ?? (value is double[] perDimension && dimension is int d && perDimension.Length != d
                    ? $"Has {perDimension.Length} entries, expected one per dimension ({d})."
                    : null);
            if (error is not null)
            {
                errors.Add(name, error);
                valid = false;
                continue;
            }
            given[spec.Name] = value!;
        }
        return valid ? new OptionValues(specs, given) : null;
    }

    private static string? TryConvert(JsonElement value, OptionSpec spec, out object? result)
    {
        result = null;
        switch (spec.Kind)
        {
            case OptionKind.Number when value.ValueKind == JsonValueKind.String && spec.Choices is { Count: > 0 }:
                return TryChoice(value, spec, out result) is null ? null : $"Must be a number or one of: {string.Join(", ", spec.Choices)}.";
            case OptionKind.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
                    return "Must be a number.";
                result = number;
                return spec.CheckRange(number);
            case OptionKind.Integer:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int integer))
                    return "Must be an integer.";
                result = integer;
                return spec.CheckRange(integer);
            case OptionKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return "Must be true or false.";
                result = value.GetBoolean();
                return null;
            case OptionKind.Choice:
                return TryChoice(value, spec, out result);
            case OptionKind.NumberPerDimension:
                return ConvertPerDimension(value, spec, out result);
            case OptionKind.IntegerList:
                return ConvertIntegerList(value, spec, out result);
            default:
                return "Unsupported option.";
        }
    }

    private static string? TryChoice(JsonElement value, OptionSpec spec, out object? result)
    {
        result = null;
        var choices = spec.Choices ?? [];
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        string? match = choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            return $"Must be one of: {string.Join(", ", choices)}.";
        result = match;
        return null;
    }

    private static string? ConvertPerDimension(JsonElement value, OptionSpec spec, out object? result)
    {
        result = null;
        if (value.ValueKind == JsonValueKind.String && spec.Choices is { Count: > 0 })
            return TryChoice(value, spec, out result) is null ? null : $"Must be a number, an array of numbers, or one of: {string.Join(", ", spec.Choices)}.";
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double scalar))
        {
            result = scalar;
            return spec.CheckRange(scalar);
        }
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            return "Must be a number or a non-empty array of numbers (one per dimension).";
        var numbers = new double[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out numbers[i]))
                return $"Entry {i} must be a number.";
            if (spec.CheckRange(numbers[i]) is string rangeError)
                return $"Entry {i}: {rangeError}";
            i++;
        }
        result = numbers;
        return null;
    }

    private static string? ConvertIntegerList(JsonElement value, OptionSpec spec, out object? result)
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            return "Must be a non-empty array of integers.";
        var integers = new int[value.GetArrayLength()];
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out integers[i]))
                return $"Entry {i} must be an integer.";
            if (spec.CheckRange(integers[i]) is string rangeError)
                return $"Entry {i}: {rangeError}";
            i++;
        }
        result = integers;
        return null;
    }
}
