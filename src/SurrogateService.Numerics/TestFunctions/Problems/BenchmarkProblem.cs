using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// What every benchmark problem shares: the dimension and argument checks around its own domain,
/// variable kinds, optimum or front, and formula, so each problem states only those.
/// </summary>
public abstract class BenchmarkProblem : IBenchmarkProblem
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract int DefaultDimension { get; }

    public abstract int MinDimension { get; }

    public abstract int MaxDimension { get; }

    public abstract int ObjectiveCount { get; }

    public virtual int ConstraintCount => 0;

    public Box Domain(int dimension)
    {
        ProblemGuard.RequireSupported(this, dimension);
        return DomainIn(dimension);
    }

    public IReadOnlyList<DesignVariable> Variables(int dimension)
    {
        ProblemGuard.RequireSupported(this, dimension);
        return VariablesIn(dimension);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        ProblemGuard.RequireSupported(this, dimension);
        return MinimaIn(dimension);
    }

    public KnownParetoFront? ParetoFront(int dimension)
    {
        ProblemGuard.RequireSupported(this, dimension);
        return ParetoFrontIn(dimension);
    }

    public void Evaluate(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        ProblemGuard.RequireEvaluable(this, x, objectives, constraints);
        EvaluateChecked(x, objectives, constraints);
    }

    protected abstract Box DomainIn(int dimension);

    /// <summary>All continuous unless the problem says otherwise.</summary>
    protected virtual IReadOnlyList<DesignVariable> VariablesIn(int dimension) => ProblemGuard.AllContinuous(dimension);

    protected virtual IReadOnlyList<KnownMinimum> MinimaIn(int dimension) => [];

    protected virtual KnownParetoFront? ParetoFrontIn(int dimension) => null;

    /// <summary>The formula, on a point whose dimension and variable values have been checked.</summary>
    protected abstract void EvaluateChecked(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints);
}
