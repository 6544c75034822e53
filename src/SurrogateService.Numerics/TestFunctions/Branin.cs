using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Branin (Branin–Hoo) function, the running example of Surrogates.jl:
/// f(x) = (x2 − 5.1/(4π²)·x1² + 5/π·x1 − 6)² + 10·(1 − 1/(8π))·cos x1 + 10.
/// Domain x1 ∈ [−5, 10], x2 ∈ [0, 15]. Global minimum 5/(4π) ≈ 0.397887 at (−π, 12.275),
/// (π, 2.275) and (3π, 2.475).
/// Reference: Surjanovic &amp; Bingham, Virtual Library of Simulation Experiments,
/// https://www.sfu.ca/~ssurjano/branin.html; Dixon &amp; Szegö (1978).
/// </summary>
public sealed class Branin : IBenchmarkFunction, IDifferentiableFunction
{
    private const double B = 5.1 / (4 * Math.PI * Math.PI);
    private const double C = 5 / Math.PI;
    private const double S = 10 * (1 - 1 / (8 * Math.PI));

    public string Name => "branin";

    public string Description =>
        "Branin: (x2 − 5.1/(4π²)x1² + 5/π x1 − 6)² + 10(1 − 1/(8π))cos x1 + 10 on [−5,10]×[0,15]; three global minima of 5/(4π).";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box([-5, 0], [10, 15]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        // The minimum value is exactly 5/(4π): there cos x1 = −1 and the square vanishes.
        return [new KnownMinimum(5 / (4 * Math.PI), [[-Math.PI, 12.275], [Math.PI, 2.275], [3 * Math.PI, 2.475]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        double x1 = x[0];
        double square = x[1] - B * x1 * x1 + C * x1 - 6;
        return square * square + S * Math.Cos(x1) + 10;
    }

    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        DimensionGuard.RequireExactly(gradient.Length, 2);
        double x1 = x[0];
        double square = x[1] - B * x1 * x1 + C * x1 - 6;
        gradient[0] = 2 * square * (C - 2 * B * x1) - S * Math.Sin(x1);
        gradient[1] = 2 * square;
    }
}
