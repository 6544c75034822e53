using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// The ZDT two-objective problems of Zitzler, Deb &amp; Thiele (2000), "Comparison of multiobjective
/// evolutionary algorithms: empirical results", Evolutionary Computation 8(2), on [0, 1]^d:
/// f1 = x1, g = 1 + 9·Σ_{i≥2} x_i / (d − 1), f2 = g·h(f1, g). The true front is g = 1
/// (x2 = … = xd = 0). The reference point (11, 11) is the one BoTorch's ZDT problems use
/// (botorch.test_functions.multi_objective, after Yang et al. 2019).
/// </summary>
public abstract class Zdt : BenchmarkProblem
{
    private static readonly double[] Reference = [11, 11];

    private readonly Lazy<KnownParetoFront> _front;

    protected Zdt() => _front = new(() => new KnownParetoFront(SampleFront(), Reference, FrontHypervolume));

    public override int DefaultDimension => 6;

    public override int MinDimension => 2;

    public override int MaxDimension => 30;

    public override int ObjectiveCount => 2;

    /// <summary>The hypervolume of the true front for the reference point (11, 11).</summary>
    protected abstract double FrontHypervolume { get; }

    /// <summary>h(f1, g), so that f2 = g·h.</summary>
    protected abstract double H(double f1, double g);

    /// <summary>First-objective values on the true front, in increasing order.</summary>
    protected abstract IEnumerable<double> FrontAbscissae();

    protected override Box DomainIn(int dimension) => Box.Uniform(dimension, 0, 1);

    // The front lives in objective space and does not depend on the dimension.
    protected override KnownParetoFront? ParetoFrontIn(int dimension) => _front.Value;

    protected override void EvaluateChecked(ReadOnlySpan<double> x, Span<double> objectives, Span<double> constraints)
    {
        double sum = 0;
        for (int i = 1; i < x.Length; i++)
            sum += x[i];
        double g = 1 + 9 * sum / (x.Length - 1);
        objectives[0] = x[0];
        objectives[1] = g * H(x[0], g);
    }

    // ZDT3's pieces are open on the left (there f2 equals the previous piece's right end), so the
    // sample is filtered down to its non-dominated points.
    private double[][] SampleFront()
    {
        var values = FrontAbscissae().Select(f1 => new[] { f1, H(f1, 1) }).ToArray();
        return ParetoDominance.NondominatedIndices(values).Select(i => values[i]).ToArray();
    }

    protected static IEnumerable<double> Uniform(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1));
}

/// <summary>ZDT1: h = 1 − sqrt(f1/g); convex front f2 = 1 − sqrt(f1).</summary>
public sealed class Zdt1 : Zdt
{
    public override string Name => "zdt1";

    public override string Description =>
        "ZDT1 (Zitzler, Deb & Thiele 2000), two objectives on [0,1]^d (d = 2..30, default 6): f1 = x1, f2 = g(1 − sqrt(f1/g)), g = 1 + 9·mean(x2..xd); convex front f2 = 1 − sqrt(f1).";

    // ∫₀¹ (1 − √f) df = 1/3 lies under the front inside the 11 × 11 box.
    protected override double FrontHypervolume => 121 - 1.0 / 3;

    protected override double H(double f1, double g) => 1 - Math.Sqrt(f1 / g);

    protected override IEnumerable<double> FrontAbscissae() => Uniform(0, 1, 101);
}

/// <summary>ZDT2: h = 1 − (f1/g)²; concave front f2 = 1 − f1².</summary>
public sealed class Zdt2 : Zdt
{
    public override string Name => "zdt2";

    public override string Description =>
        "ZDT2 (Zitzler, Deb & Thiele 2000), two objectives on [0,1]^d (d = 2..30, default 6): f1 = x1, f2 = g(1 − (f1/g)²); concave front f2 = 1 − f1².";

    // ∫₀¹ (1 − f²) df = 2/3.
    protected override double FrontHypervolume => 121 - 2.0 / 3;

    protected override double H(double f1, double g) => 1 - (f1 / g) * (f1 / g);

    protected override IEnumerable<double> FrontAbscissae() => Uniform(0, 1, 101);
}

/// <summary>ZDT3: h = 1 − sqrt(f1/g) − (f1/g)·sin(10π f1); a front of five disconnected pieces.</summary>
public sealed class Zdt3 : Zdt
{
    // The f1-intervals of the five pieces and the front's hypervolume for (11, 11), as BoTorch's
    // ZDT3 (botorch.test_functions.multi_objective) lists them.
    private static readonly (double From, double To)[] Pieces =
    [
        (0, 0.0830015349),
        (0.1822287280, 0.2577623634),
        (0.4093136748, 0.4538821041),
        (0.6183967944, 0.6525117038),
        (0.8233317983, 0.8518328654),
    ];

    public override string Name => "zdt3";

    public override string Description =>
        "ZDT3 (Zitzler, Deb & Thiele 2000), two objectives on [0,1]^d (d = 2..30, default 6): f1 = x1, f2 = g(1 − sqrt(f1/g) − (f1/g)sin(10πf1)); front of five disconnected pieces.";

    protected override double FrontHypervolume => 128.77811613069076;

    protected override double H(double f1, double g) => 1 - Math.Sqrt(f1 / g) - f1 / g * Math.Sin(10 * Math.PI * f1);

    protected override IEnumerable<double> FrontAbscissae() => Pieces.SelectMany(p => Uniform(p.From, p.To, 21));
}
