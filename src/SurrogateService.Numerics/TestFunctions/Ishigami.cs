using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Ishigami function, the standard test of global sensitivity analysis, with a = 7, b = 0.1:
/// f(x) = sin x1 + a·sin² x2 + b·x3⁴·sin x1 on [−π, π]³. Analytic Sobol indices
/// S = (0.3139, 0.4424, 0), S_T = (0.5576, 0.4424, 0.2437).
/// Global minimum −(1 + b·π⁴) ≈ −10.7409091034: f = sin x1·(1 + b·x3⁴) + a·sin² x2 is smallest with
/// sin x1 = −1, sin x2 = 0 and |x3| = π, i.e. at x1 = −π/2, x2 ∈ {−π, 0, π}, x3 ∈ {−π, π}.
/// Reference: Ishigami &amp; Homma (1990); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/ishigami.html.
/// </summary>
public sealed class Ishigami : IBenchmarkFunction
{
    private const double A = 7;
    private const double B = 0.1;

    /// <summary>
    /// The exact mean, variance and Sobol' indices, from the ANOVA decomposition with x uniform on
    /// [−π, π]³ (formulas as listed by Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/ishigami.html):
    /// mean a/2, V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), every other partial variance 0,
    /// V = V1 + V2 + V13; S = (V1, V2, 0)/V, S_T = (V1 + V13, V2, V13)/V.
    /// </summary>
    public static (double[] FirstOrder, double[] Total, double Mean, double Variance) ExactSensitivity()
    {
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.Pow(1 + B * pi4 / 5, 2), v2 = A * A / 8, v13 = B * B * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v], A / 2, v);
    }

    public string Name => "ishigami";

    public string Description =>
        "Ishigami (a = 7, b = 0.1): sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π,π]³; the sensitivity-analysis benchmark, minimum −(1 + bπ⁴).";

    public int DefaultDimension => 3;

    public int MinDimension => 3;

    public int MaxDimension => 3;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(3, -Math.PI, Math.PI);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        double pi = Math.PI, x1 = -Math.PI / 2;
        double value = -(1 + B * pi * pi * pi * pi);
        return
        [
            new KnownMinimum(value,
            [
                [x1, -pi, -pi], [x1, -pi, pi],
                [x1, 0, -pi], [x1, 0, pi],
                [x1, pi, -pi], [x1, pi, pi],
            ]),
        ];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 3);
        double sin1 = Math.Sin(x[0]);
        double sin2 = Math.Sin(x[1]);
        double x3Squared = x[2] * x[2];
        return sin1 + A * sin2 * sin2 + B * x3Squared * x3Squared * sin1;
    }
}
