using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Six-hump camel function: f(x) = (4 − 2.1·x1² + x1⁴/3)·x1² + x1·x2 + (−4 + 4·x2²)·x2².
/// Domain x1 ∈ [−3, 3], x2 ∈ [−2, 2]. Two global minima −1.031628453489877 at
/// ±(0.0898420131003181, −0.7126564030207396) (refined from the usual 4-digit locations by
/// solving ∇f = 0 in extended precision).
/// Reference: Dixon &amp; Szegö (1978); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/camel6.html.
/// </summary>
public sealed class SixHumpCamel : IBenchmarkFunction, IDifferentiableFunction
{
    private const double MinimumX1 = 0.0898420131003181;
    private const double MinimumX2 = -0.7126564030207396;

    public string Name => "sixHumpCamel";

    public string Description =>
        "Six-hump camel: (4 − 2.1x1² + x1⁴/3)x1² + x1x2 + (−4 + 4x2²)x2² on [−3,3]×[−2,2]; two global minima of −1.0316284535.";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return new Box([-3, -2], [3, 2]);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(-1.031628453489877, [[MinimumX1, MinimumX2], [-MinimumX1, -MinimumX2]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        double x1Squared = x[0] * x[0];
        double x2Squared = x[1] * x[1];
        return (4 - 2.1 * x1Squared + x1Squared * x1Squared / 3) * x1Squared
            + x[0] * x[1]
            + (-4 + 4 * x2Squared) * x2Squared;
    }

    public void Gradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        DimensionGuard.RequireExactly(gradient.Length, 2);
        double x1Squared = x[0] * x[0];
        gradient[0] = (8 - 8.4 * x1Squared + 2 * x1Squared * x1Squared) * x[0] + x[1];
        gradient[1] = x[0] + (-8 + 16 * x[1] * x[1]) * x[1];
    }
}
