namespace SurrogateService.Numerics.Options;

/// <summary>The shape of value an option accepts.</summary>
public enum OptionKind
{
    /// <summary>A number; may also accept one of <see cref="OptionSpec.Choices"/>.</summary>
    Number,
    Integer,
    Boolean,
    /// <summary>One of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,
    /// <summary>One number for every dimension, or an array with one number per dimension; may also accept one of <see cref="OptionSpec.Choices"/>.</summary>
    NumberPerDimension,
    /// <summary>An array of integers (e.g. hidden layer widths).</summary>
    IntegerList,
}

/// <summary>
/// Describes one option of a method (a sampler, a surrogate kind, …): its type, default and valid
/// range. The HTTP layer lists these and validates requests against them, so the method itself
/// only ever sees values that are in range.
/// </summary>
public sealed record OptionSpec(
    string Name,
    OptionKind Kind,
    object Default,
    string Description,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Choices = null)
{
    /// <summary>True when the bounds exclude the endpoint values themselves.</summary>
    public bool ExclusiveMinimum { get; init; }

    public static OptionSpec Number(string name, double @default, string description, double? minimum = null, double? maximum = null, bool exclusiveMinimum = false) =>
        new(name, OptionKind.Number, @default, description, minimum, maximum) { ExclusiveMinimum = exclusiveMinimum };

    public static OptionSpec Integer(string name, int @default, string description, int minimum, int maximum) =>
        new(name, OptionKind.Integer, @default, description, minimum, maximum);

    public static OptionSpec Boolean(string name, bool @default, string description) =>
        new(name, OptionKind.Boolean, @default, description);

    public static OptionSpec Choice(string name, string @default, string description, params string[] choices) =>
        new(name, OptionKind.Choice, @default, description, Choices: choices);

    /// <summary>Checks a number against the range; returns an error message or null.</summary>
    public string? CheckRange(double value)
    {
        if (!double.IsFinite(value))
            return "Must be a finite number.";
        if (Minimum is double min && (ExclusiveMinimum ? value <= min : value < min))
            return ExclusiveMinimum ? $"Must be greater than {min}." : $"Must be at least {min}.";
        if (Maximum is double max && value > max)
            return $"Must be at most {max}.";
        return null;
    }
}
