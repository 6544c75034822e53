using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Hartmann 3-D function: f(x) = −Σ_{i=1}^{4} α_i·exp(−Σ_{j=1}^{3} A_ij·(x_j − P_ij)²) on [0, 1]³,
/// α = (1, 1.2, 3, 3.2), A and P as tabulated in the reference. Four local minima; the global one
/// is −3.86277978733266 at (0.114588876655069, 0.555648894616930, 0.852546984686677) (∇f = 0
/// solved in extended precision; the usual table gives −3.86278 at (0.114614, 0.555649, 0.852547)).
/// Reference: Hartmann (1973), Dixon &amp; Szegö (1978); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/hart3.html.
/// </summary>
public sealed class Hartmann3 : IBenchmarkFunction
{
    private const int Terms = 4;
    private const int Dimension = 3;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    // Row-major Terms × Dimension.
    private static readonly double[] A =
    [
        3.0, 10, 30,
        0.1, 10, 35,
        3.0, 10, 30,
        0.1, 10, 35,
    ];

    private static readonly double[] P =
    [
        0.3689, 0.1170, 0.2673,
        0.4699, 0.4387, 0.7470,
        0.1091, 0.8732, 0.5547,
        0.0381, 0.5743, 0.8828,
    ];

    public string Name => "hartmann3";

    public string Description =>
        "Hartmann 3-D: −Σ α_i exp(−Σ A_ij (x_j − P_ij)²) on [0,1]³; global minimum −3.86278 near (0.1146, 0.5556, 0.8525).";

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
        return [new KnownMinimum(-3.86277978733266, [[0.114588876655069, 0.555648894616930, 0.852546984686677]])];
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
