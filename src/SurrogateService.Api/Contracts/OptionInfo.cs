using SurrogateService.Numerics.Options;

namespace SurrogateService.Api.Contracts;

/// <summary>An option of a method: type, default and valid range, as clients see it.</summary>
public sealed record OptionInfo(
    string Name,
    string Type,
    object Default,
    string Description,
    double? Minimum,
    double? Maximum,
    bool ExclusiveMinimum,
    IReadOnlyList<string>? Choices)
{
    public static OptionInfo From(OptionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string type = spec.Kind switch
        {
            OptionKind.Number => "number",
            OptionKind.Integer => "integer",
            OptionKind.Boolean => "boolean",
            OptionKind.Choice => "string",
            OptionKind.NumberPerDimension => "number | number[]",
            OptionKind.IntegerList => "integer[]",
            _ => spec.Kind.ToString(),
        };
        return new OptionInfo(spec.Name, type, spec.Default, spec.Description, spec.Minimum, spec.Maximum, spec.ExclusiveMinimum, spec.Choices);
    }
}
