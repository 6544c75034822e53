using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// A benchmark problem with one objective and no constraints seen as a function, so that whole
/// optimisation runs take it like any other; its variable kinds (e.g. mixedBranin's categories and
/// integers) stay available beside it.
/// </summary>
public sealed class SingleObjectiveProblem : IBenchmarkFunction
{
    private readonly IBenchmarkProblem _problem;

    private SingleObjectiveProblem(IBenchmarkProblem problem) => _problem = problem;

    /// <summary>The built-in problems that qualify.</summary>
    public static IReadOnlyList<SingleObjectiveProblem> All { get; } =
        BenchmarkProblems.All.Where(p => p.ObjectiveCount == 1 && p.ConstraintCount == 0).Select(p => new SingleObjectiveProblem(p)).ToArray();

    public string Name => _problem.Name;

    public string Description => _problem.Description;

    public int DefaultDimension => _problem.DefaultDimension;

    public int MinDimension => _problem.MinDimension;

    public int MaxDimension => _problem.MaxDimension;

    public Box Domain(int dimension) => _problem.Domain(dimension);

    public IReadOnlyList<KnownMinimum> Minima(int dimension) => _problem.Minima(dimension);

    public IReadOnlyList<DesignVariable> Variables(int dimension) => _problem.Variables(dimension);

    public double Evaluate(ReadOnlySpan<double> x)
    {
        Span<double> objective = stackalloc double[1];
        _problem.Evaluate(x, objective, []);
        return objective[0];
    }
}
