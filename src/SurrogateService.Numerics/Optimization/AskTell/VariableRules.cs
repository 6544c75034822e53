using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// What the variables of an optimisation must satisfy, shared by the request readers and the
/// strategies: whole-number bounds for an integer, 0 and L − 1 for a category of L ≥ 2 levels; and
/// how many coordinates the surrogate sees (see <see cref="VariableSpace"/>).
/// </summary>
public static class VariableRules
{
    /// <summary>Why <paramref name="lower"/>..<paramref name="upper"/> does not suit <paramref name="variable"/>, or null when it does.</summary>
    public static string? BoundsProblem(DesignVariable variable, double lower, double upper)
    {
        ArgumentNullException.ThrowIfNull(variable);
        switch (variable.Kind)
        {
            case VariableKind.Integer when lower != Math.Round(lower) || upper != Math.Round(upper):
                return "an integer variable needs whole-number bounds.";
            case VariableKind.Categorical when variable.Levels is not { Count: >= 2 }:
                return "a categorical variable needs at least two levels.";
            case VariableKind.Categorical when lower != 0 || upper != variable.Levels.Count - 1:
                return string.Create(CultureInfo.InvariantCulture,
                    $"a categorical variable with {variable.Levels.Count} levels spans the level indices: lower bound 0, upper bound {variable.Levels.Count - 1}.");
            default:
                return null;
        }
    }

    /// <summary>The coordinates the surrogate sees for one variable: L for a category of L ≥ 3 levels (one-hot), else 1.</summary>
    public static int EncodedWidth(DesignVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable.Kind == VariableKind.Categorical && variable.Levels!.Count > 2 ? variable.Levels.Count : 1;
    }

    /// <summary>The surrogate's dimension for these variables (<paramref name="dimension"/> when they are null, i.e. all continuous).</summary>
    public static int ModelDimension(IReadOnlyList<DesignVariable>? variables, int dimension) =>
        variables is null ? dimension : variables.Sum(EncodedWidth);
}
