using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// A sampled true Pareto front (objective vectors, non-dominated, in order of the first objective)
/// and its hypervolume for the reference point the literature uses with the problem.
/// </summary>
public sealed record KnownParetoFront(IReadOnlyList<double[]> Values, double[] ReferencePoint, double Hypervolume);

/// <summary>
/// A benchmark problem that a plain <see cref="IBenchmarkFunction"/> cannot describe: several
/// objectives, black-box constraints (feasible when every value is ≤ 0), or integer and categorical
/// inputs. Pure and allocation-free like the functions, with its known optimum or Pareto front.
/// </summary>
public interface IBenchmarkProblem
{
    /// <summary>The name clients use, camelCase.</summary>
    string Name { get; }

    /// <summary>Formula and provenance in one or two sentences.</summary>
    string Description { get; }

    int DefaultDimension { get; }

    int MinDimension { get; }

    int MaxDimension { get; }

    int ObjectiveCount { get; }

    int ConstraintCount { get; }

    /// <summary>The domain; an integer or categorical coordinate spans its whole numbers or level indices.</summary>
    Box Domain(int dimension);

    /// <summary>The kind of every coordinate.</summary>
    IReadOnlyList<DesignVariable> Variables(int dimension);

    /// <summary>Best known (feasible) minima of a single-objective problem; empty for several objectives.</summary>
    IReadOnlyList<KnownMinimum> Minima(int dimension);

    /// <summary>The true Pareto front of a multi-objective problem; null for a single objective.</summary>
    KnownParetoFront? ParetoFront(int dimension);

    /// <summary>Writes the objectives and the constraint values (≤ 0 feasible) at <paramref name="x"/>.</summary>
    void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints);
}
