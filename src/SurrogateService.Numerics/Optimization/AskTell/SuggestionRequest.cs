using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// What a strategy is asked: the box, the points evaluated so far with their values (NaN marks a
/// failed evaluation), how many points to suggest, the seed, the state the previous call returned
/// (null on the first call), the strategy's options and the surrogate to fit; optionally the values of
/// black-box constraints at each point (feasible when every value is ≤ 0; NaN where it failed), the
/// objective's gradient at some or all points (null where unknown), which a Kriging surrogate uses, and
/// the kind of every coordinate (all continuous when null; see <see cref="VariableSpace"/>).
/// </summary>
public sealed record SuggestionRequest(
    Box Box,
    PointSet Points,
    double[] Values,
    int BatchSize,
    ulong Seed,
    OptimizerState? State,
    OptionValues Options,
    SurrogateChoice Surrogate,
    double[][]? Constraints = null,
    double[]?[]? Gradients = null,
    IReadOnlyList<DesignVariable>? Variables = null)
{
    /// <summary>The number of constraints, 0 when there are none.</summary>
    public int ConstraintCount => Constraints is { Length: > 0 } c ? c[0].Length : 0;

    /// <summary>Checks the shapes that every strategy relies on.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Box);
        ArgumentNullException.ThrowIfNull(Points);
        ArgumentNullException.ThrowIfNull(Values);
        ArgumentNullException.ThrowIfNull(Options);
        ArgumentNullException.ThrowIfNull(Surrogate);
        if (Points.Dimension != Box.Dimension)
            throw new ArgumentException("Points and box differ in dimension.", nameof(Points));
        if (Values.Length != Points.Count)
            throw new ArgumentException($"Expected {Points.Count} values, got {Values.Length}.", nameof(Values));
        if (Array.Exists(Values, double.IsInfinity))
            throw new ArgumentException("Values must be finite, or NaN for a failed evaluation.", nameof(Values));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        if (Constraints is not null)
        {
            if (Constraints.Length != Points.Count || Array.Exists(Constraints, c => c is null || c.Length == 0 || c.Length != Constraints[0].Length))
                throw new ArgumentException("Constraints need one row per point, all of the same non-zero length.", nameof(Constraints));
            if (Array.Exists(Constraints, c => Array.Exists(c, double.IsInfinity)))
                throw new ArgumentException("Constraint values must be finite, or NaN for a failed evaluation.", nameof(Constraints));
        }
        if (Gradients is not null && (Gradients.Length != Points.Count
            || Array.Exists(Gradients, g => g is not null && (g.Length != Box.Dimension || !Array.TrueForAll(g, double.IsFinite)))))
            throw new ArgumentException("Gradients need one entry per point: null, or one finite number per dimension.", nameof(Gradients));
        if (Variables is not null)
            ValidateVariables(Variables);
    }

    /// <summary>One variable per dimension, bounds that suit their kinds, and points that respect them.</summary>
    private void ValidateVariables(IReadOnlyList<DesignVariable> variables)
    {
        if (variables.Count != Box.Dimension)
            throw new ArgumentException($"Expected {Box.Dimension} variables, got {variables.Count}.", nameof(Variables));
        if (Gradients is not null && variables.Any(v => v.Kind != VariableKind.Continuous))
            throw new ArgumentException("Gradients need every variable continuous.", nameof(Gradients));
        for (int j = 0; j < variables.Count; j++)
        {
            if (VariableRules.BoundsProblem(variables[j], Box.Lower[j], Box.Upper[j]) is { } problem)
                throw new ArgumentException($"Variable {j}: {problem}", nameof(Variables));
            for (int i = 0; i < Points.Count; i++)
            {
                if (!variables[j].Admits(Points[i][j]))
                    throw new ArgumentException($"Point {i} coordinate {j} is not a valid {variables[j].Kind} value.", nameof(Points));
            }
        }
    }
}
