using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Hartmann 6-D function: f(x) = −Σ_{i=1}^{4} α_i·exp(−Σ_{j=1}^{6} A_ij·(x_j − P_ij)²) on [0, 1]⁶,
/// α = (1, 1.2, 3, 3.2), A and P as tabulated in the reference. Six local minima; the global one is
/// −3.32236801141551 at (0.201689511006705, 0.150010691823458, 0.476873974221897,
/// 0.275332430494056, 0.311651616600113, 0.657300534065620) (∇f = 0 solved in extended precision;
/// the usual table rounds it to (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)).
/// Reference: Hartmann (1973), Dixon &amp; Szegö (1978); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/hart6.html.
/// </summary>
public sealed class Hartmann6 : IBenchmarkFunction
{
    private const int Terms = 4;
    private const int Dimension = 6;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    // Row-major Terms × Dimension.
    private static readonly double[] A =
    [
        10, 3, 17, 3.5, 1.7, 8,
        0.05, 10, 17, 0.1, 8, 14,
        3, 3.5, 1.7, 10, 17, 8,
        17, 8, 0.05, 10, 0.1, 14,
    ];

    private static readonly double[] P =
    [
        0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886,
        0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991,
        0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650,
        0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381,
    ];

    public string Name => "hartmann6";

    public string Description =>
        "Hartmann 6-D: −Σ α_i exp(−Σ A_ij (x_j − P_ij)²) on [0,1]⁶; global minimum −3.32237 near (0.2017, 0.1500, 0.4769, 0.2753, 0.3117, 0.6573).";

    public int DefaultDimension => Dimension;

    public int MinDimension => Dimension;

    public int MaxDimension => Dimension;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(Dimension, 0, 1);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return
        [
            new KnownMinimum(-3.32236801141551,
                [[0.201689511006705, 0.150010691823458, 0.476873974221897, 0.275332430494056, 0.311651616600113, 0.657300534065620]]),
        ];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, Dimension);
        double sum = 0;
        for (int i = 0; i < Terms; i++)
        {
            double exponent = 0;
            for (int j = 0; j < Dimension; j++)
            {
                double offset = x[j] - P[i * Dimension + j];
                exponent += A[i * Dimension + j] * offset * offset;
            }
            sum += Alpha[i] * Math.Exp(-exponent);
        }
        return -sum;
    }
}
