using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>A known minimum of a benchmark function: its value and every location where it is attained.</summary>
public sealed record KnownMinimum(double Value, IReadOnlyList<double[]> Locations);

/// <summary>
/// An analytic benchmark function, pure and allocation-free, documented with its formula,
/// domain and known global minima.
/// </summary>
public interface IBenchmarkFunction
{
    /// <summary>The name clients use, camelCase (e.g. "branin", "sixHumpCamel").</summary>
    string Name { get; }

    /// <summary>Formula and provenance in one or two sentences.</summary>
    string Description { get; }

    int DefaultDimension { get; }

    int MinDimension { get; }

    int MaxDimension { get; }

    /// <summary>The usual domain in the given dimension.</summary>
    Box Domain(int dimension);

    /// <summary>Known global minima in the given dimension; empty when none is known (engineering models).</summary>
    IReadOnlyList<KnownMinimum> Minima(int dimension);

    double Evaluate(ReadOnlySpan<double> x);
}
