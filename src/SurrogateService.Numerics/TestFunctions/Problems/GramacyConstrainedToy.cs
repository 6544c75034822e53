using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// The two-constraint toy problem of Gramacy et al. (2016), "Modeling an augmented Lagrangian for
/// blackbox constrained optimization", Technometrics 58(1): minimise f(x) = x1 + x2 on [0, 1]²
/// subject to c1(x) = 3/2 − x1 − 2·x2 − ½·sin(2π(x1² − 2·x2)) ≤ 0 and c2(x) = x1² + x2² − 3/2 ≤ 0.
/// Best known feasible value 0.5998 at (0.1954, 0.4044), as the paper reports it (the Spearmint
/// example "lsq" and BoTorch-based ALBO code quote the same numbers).
/// </summary>
public sealed class GramacyConstrainedToy : BenchmarkProblem
{
    public override string Name => "gramacyToy";

    public override string Description =>
        "Gramacy et al. (2016) toy problem: minimise x1 + x2 on [0,1]² subject to 3/2 − x1 − 2x2 − ½sin(2π(x1² − 2x2)) ≤ 0 and x1² + x2² − 3/2 ≤ 0; best known 0.5998.";

    public override int DefaultDimension => 2;

    public override int MinDimension => 2;

    public override int MaxDimension => 2;

    public override int ObjectiveCount => 1;

    public override int ConstraintCount => 2;

    protected override Box DomainIn(int dimension) => Box.Uniform(2, 0, 1);

    protected override IReadOnlyList<KnownMinimum> MinimaIn(int dimension) => [new KnownMinimum(0.5998, [[0.1954, 0.4044]])];

    protected override void EvaluateChecked(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        double x1 = x[0], x2 = x[1];
        objectives[0] = x1 + x2;
        constraints[0] = 1.5 - x1 - 2 * x2 - 0.5 * Math.Sin(2 * Math.PI * (x1 * x1 - 2 * x2));
        constraints[1] = x1 * x1 + x2 * x2 - 1.5;
    }
}
