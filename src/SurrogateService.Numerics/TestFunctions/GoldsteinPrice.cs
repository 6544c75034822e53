using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Goldstein–Price function:
/// f(x) = [1 + (x1 + x2 + 1)²·(19 − 14x1 + 3x1² − 14x2 + 6x1x2 + 3x2²)]
///      · [30 + (2x1 − 3x2)²·(18 − 32x1 + 12x1² + 48x2 − 36x1x2 + 27x2²)].
/// Domain [−2, 2]². Global minimum 3 at (0, −1); values span five orders of magnitude.
/// Reference: Goldstein &amp; Price (1971); Surjanovic &amp; Bingham, https://www.sfu.ca/~ssurjano/goldpr.html.
/// </summary>
public sealed class GoldsteinPrice : IBenchmarkFunction
{
    public string Name => "goldsteinPrice";

    public string Description =>
        "Goldstein–Price: product of two quartic factors on [−2,2]²; global minimum 3 at (0, −1).";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(2, -2, 2);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [new KnownMinimum(3, [[0, -1]])];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        double x1 = x[0], x2 = x[1];
        double sum = x1 + x2 + 1;
        double first = 1 + sum * sum * (19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2);
        double difference = 2 * x1 - 3 * x2;
        double second = 30 + difference * difference * (18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2);
        return first * second;
    }
}
