namespace SurrogateService.Numerics.Core;

/// <summary>How a coordinate of a design may vary.</summary>
public enum VariableKind
{
    /// <summary>Any real value between the bounds.</summary>
    Continuous,

    /// <summary>Whole numbers between the bounds (e.g. a number of blades).</summary>
    Integer,

    /// <summary>One of unordered levels, written in a point as the level's index 0, 1, …, levels − 1.</summary>
    Categorical,
}

/// <summary>One coordinate of a design: its kind, and for a categorical one the names of its levels.</summary>
public sealed record DesignVariable(VariableKind Kind, IReadOnlyList<string>? Levels = null)
{
    public static DesignVariable Continuous { get; } = new(VariableKind.Continuous);

    public static DesignVariable Integer { get; } = new(VariableKind.Integer);

    public static DesignVariable Categorical(params string[] levels) => new(VariableKind.Categorical, levels);

    /// <summary>Whether <paramref name="value"/> is a value this variable can take (bounds aside).</summary>
    public bool Admits(double value) => Kind switch
    {
        VariableKind.Continuous => double.IsFinite(value),
        VariableKind.Integer => double.IsFinite(value) && value == Math.Round(value),
        _ => value == Math.Round(value) && value >= 0 && value < Levels!.Count,
    };
}
