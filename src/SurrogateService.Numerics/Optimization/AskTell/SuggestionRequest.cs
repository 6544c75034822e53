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
/// With several objectives (ehvi, parego) <see cref="Objectives"/> holds one row of 2 to 4 values per
/// point and <see cref="Values"/> only marks failures (build it with <see cref="WithObjectives"/>).
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
    IReadOnlyList<DesignVariable>? Variables = null,
    double[][]? Objectives = null,
    double[]? ReferencePoint = null)
{
    /// <summary>The fewest and most objectives a multi-objective request may carry.</summary>
    public const int MinObjectives = 2, MaxObjectives = 4;

    /// <summary>The number of objectives: 1 unless <see cref="Objectives"/> is given.</summary>
    public int ObjectiveCount => Objectives is { Length: > 0 } o ? o[0].Length : 1;

    /// <summary>
    /// A request with several objectives: <see cref="Values"/> becomes the first objective, NaN where
    /// any objective failed, so that the shared bookkeeping (failed points, duplicates) sees the failures.
    /// </summary>
    public static SuggestionRequest WithObjectives(Box box, PointSet points, double[][] objectives, int batchSize, ulong seed,
        OptimizerState? state, OptionValues options, SurrogateChoice surrogate, double[]? referencePoint = null)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        return new SuggestionRequest(box, points, FailureMarks(objectives), batchSize, seed, state, options, surrogate, Objectives: objectives, ReferencePoint: referencePoint);
    }

    private static double[] FailureMarks(double[][] objectives) =>
        objectives.Select(row => row is null || row.Length == 0 || Array.Exists(row, double.IsNaN) ? double.NaN : row[0]).ToArray();

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
        ValidateObjectives();
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

    private void ValidateObjectives()
    {
        if (Objectives is null)
        {
            if (ReferencePoint is not null)
                throw new ArgumentException("A reference point needs several objectives.", nameof(ReferencePoint));
            return;
        }
        if (Gradients is not null)
            throw new ArgumentException("Gradients are taken for a single objective only.", nameof(Gradients));
        if (Variables is not null && Variables.Any(v => v.Kind != VariableKind.Continuous))
            throw new ArgumentException("Integer and categorical variables are taken for a single objective only.", nameof(Variables));
        int m = ObjectiveCount;
        if (Objectives.Length != Points.Count || m < MinObjectives || m > MaxObjectives || Array.Exists(Objectives, row => row is null || row.Length != m))
            throw new ArgumentException($"Objectives need one row per point, all with the same number ({MinObjectives} to {MaxObjectives}) of values.", nameof(Objectives));
        if (Array.Exists(Objectives, row => Array.Exists(row, double.IsInfinity)))
            throw new ArgumentException("Objective values must be finite, or NaN for a failed evaluation.", nameof(Objectives));
        if (!Values.AsSpan().SequenceEqual(FailureMarks(Objectives)))
            throw new ArgumentException("With several objectives, values must mark the failures as WithObjectives does.", nameof(Values));
        if (ReferencePoint is not null && (ReferencePoint.Length != m || !Array.TrueForAll(ReferencePoint, double.IsFinite)))
            throw new ArgumentException($"The reference point needs {m} finite values, one per objective.", nameof(ReferencePoint));
    }
}
