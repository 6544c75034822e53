using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Ackley function, d ≥ 1, with a = 20, b = 0.2, c = 2π:
/// f(x) = −a·exp(−b·sqrt(Σ x_i² / d)) − exp(Σ cos(c·x_i) / d) + a + e.
/// Domain [−32.768, 32.768]^d. Global minimum 0 at the origin; many shallow local minima.
/// Reference: Ackley (1987); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/ackley.html.
/// </summary>
public sealed class Ackley : IBenchmarkFunction
{
    private const double A = 20;
    private const double B = 0.2;
    private const double C = 2 * Math.PI;

    public string Name => "ackley";

    public string Description =>
        "Ackley (a = 20, b = 0.2, c = 2π): −a·exp(−b·rms(x)) − exp(mean cos(c x_i)) + a + e on [−32.768,32.768]^d, d = 1..100; minimum 0 at the origin.";

    public int DefaultDimension => 2;

    public int MinDimension => 1;

    public int MaxDimension => 100;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(dimension, -32.768, 32.768);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(0, [new double[dimension]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireSupported(this, x.Length);
        double sumSquares = 0, sumCosines = 0;
        foreach (double xi in x)
        {
            sumSquares += xi * xi;
            sumCosines += Math.Cos(C * xi);
        }
        int d = x.Length;
        return -A * Math.Exp(-B * Math.Sqrt(sumSquares / d)) - Math.Exp(sumCosines / d) + A + Math.E;
    }
}
