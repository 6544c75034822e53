using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Cat-3 of the Cat-Suite mixed-variable benchmark (bbopt/Cat-Suite, GERAD), an augmented Branin
/// after Pelamatti et al. (2019/2020), with six coordinates in this order: two categorical ones with
/// levels A, B (index 0, 1); two integers n1, n2 ∈ {1, …, 5}; two continuous u1, u2 ∈ [0, 1]. With
/// s = 15·u1,
/// h = ((15u2 − n1/(4π²)·(s − n2)² + n1/π·(s − n2))² + (n1 − 1/(8π))·cos(s − 5) + n1 − 54.8104)/51.9496,
/// f = 10 + w·h where w = 1, 0.4, −0.75, −0.5 for (A,A), (A,B), (B,A), (B,B).
/// The minimum 4.872677394086378 at (B, A, 5, 5, 0.752212, 1) was found by enumerating the 100
/// discrete combinations, each minimised over a 401² grid and then by L-BFGS-B (SciPy).
/// </summary>
public sealed class MixedBranin : BenchmarkProblem
{
    private static readonly double[] Weights = [1, 0.4, -0.75, -0.5];

    private static readonly Box Bounds = new([0, 0, 1, 1, 0, 0], [1, 1, 5, 5, 1, 1]);

    private static readonly IReadOnlyList<DesignVariable> Kinds =
    [
        DesignVariable.Categorical("A", "B"),
        DesignVariable.Categorical("A", "B"),
        DesignVariable.Integer,
        DesignVariable.Integer,
        DesignVariable.Continuous,
        DesignVariable.Continuous,
    ];

    public override string Name => "mixedBranin";

    public override string Description =>
        "Cat-3 of the Cat-Suite mixed-variable benchmark (augmented Branin after Pelamatti et al.): two categorical inputs (levels A, B), two integers in 1..5, two continuous in [0,1]; minimum 4.8727.";

    public override int DefaultDimension => 6;

    public override int MinDimension => 6;

    public override int MaxDimension => 6;

    public override int ObjectiveCount => 1;

    protected override Box DomainIn(int dimension) => Bounds;

    protected override IReadOnlyList<DesignVariable> VariablesIn(int dimension) => Kinds;

    protected override IReadOnlyList<KnownMinimum> MinimaIn(int dimension) =>
        [new KnownMinimum(4.872677394086378, [[1, 0, 5, 5, 0.7522123488292078, 1]])];

    protected override void EvaluateChecked(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        double n1 = x[2], n2 = x[3];
        double shifted = 15 * x[4] - n2;
        double square = 15 * x[5] - n1 / (4 * Math.PI * Math.PI) * shifted * shifted + n1 / Math.PI * shifted;
        double h = (square * square + (n1 - 1 / (8 * Math.PI)) * Math.Cos(15 * x[4] - 5) + n1 - 54.8104) / 51.9496;
        objectives[0] = 10 + Weights[2 * (int)x[0] + (int)x[1]] * h;
    }
}
