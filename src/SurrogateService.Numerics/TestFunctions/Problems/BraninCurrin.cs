using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Branin–Currin, the two-objective problem of Belakaria et al. (2019, "Max-value entropy search for
/// multi-objective Bayesian optimization", NeurIPS) as BoTorch defines it, on [0, 1]²:
/// f1 = Branin(15·u1 − 5, 15·u2); f2 = Currin's exponential function
/// (1 − exp(−1/(2·u2)))·(2300u1³ + 1900u1² + 2092u1 + 60)/(100u1³ + 500u1² + 4u1 + 20).
/// Reference point (18, 6) and the front's hypervolume 59.36011874867746 (approximated by NSGA-II)
/// are BoTorch's (botorch.test_functions.multi_objective.BraninCurrin). The front listed here is the
/// non-dominated subset of a 501 × 501 grid (a quarter-million evaluations, computed on first use), a close but
/// slightly dominated approximation: its hypervolume is within 1 % of the cited one.
/// </summary>
public sealed class BraninCurrin : BenchmarkProblem
{
    private const int GridSize = 501;
    private const int ListedPoints = 400;
    private static readonly Branin BraninFunction = new();
    private readonly Lazy<KnownParetoFront> _front;

    public BraninCurrin() => _front = new(() => new KnownParetoFront(GridFront(), [18, 6], 59.36011874867746));

    public override string Name => "braninCurrin";

    public override string Description =>
        "Branin–Currin (Belakaria et al. 2019; BoTorch's definition), two objectives on [0,1]²: Branin(15u1 − 5, 15u2) and Currin's exponential function; reference point (18, 6).";

    public override int DefaultDimension => 2;

    public override int MinDimension => 2;

    public override int MaxDimension => 2;

    public override int ObjectiveCount => 2;

    protected override Box DomainIn(int dimension) => Box.Uniform(2, 0, 1);

    protected override KnownParetoFront? ParetoFrontIn(int dimension) => _front.Value;

    protected override void EvaluateChecked(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints) =>
        (objectives[0], objectives[1]) = Objectives(x[0], x[1]);

    private static (double Branin, double Currin) Objectives(double u1, double u2)
    {
        double branin = BraninFunction.Evaluate([15 * u1 - 5, 15 * u2]);
        return (branin, CurrinHigh.Value(u1, u2));
    }

    private static double[][] GridFront()
    {
        // Sort the grid by the first objective; a sweep keeps each point that lowers the second.
        var values = new (double Branin, double Currin)[GridSize * GridSize];
        for (int i = 0; i < GridSize; i++)
        {
            for (int j = 0; j < GridSize; j++)
                values[i * GridSize + j] = Objectives(i / (GridSize - 1.0), j / (GridSize - 1.0));
        }
        Array.Sort(values);
        var front = new List<double[]>();
        double lowest = double.PositiveInfinity;
        foreach (var (branin, currin) in values)
        {
            if (currin < lowest)
            {
                front.Add([branin, currin]);
                lowest = currin;
            }
        }
        return Thin(front);
    }

    /// <summary>At most <see cref="ListedPoints"/> points, evenly spread along the front, ends kept.</summary>
    private static double[][] Thin(List<double[]> front)
    {
        if (front.Count <= ListedPoints)
            return [.. front];
        return Enumerable.Range(0, ListedPoints)
            .Select(k => front[(int)Math.Round(k * (front.Count - 1) / (ListedPoints - 1.0))])
            .ToArray();
    }
}
