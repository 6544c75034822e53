using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// The low fidelity of Xiong, Qian &amp; Wu's (2013) Currin pair: the mean of the high fidelity
/// <see cref="CurrinHigh"/> at the four corners (x1 ± 0.05, x2 + 0.05) and (x1 ± 0.05, max(0, x2 − 0.05)),
/// a smoothed, biased version of it, on [0, 1]².
/// References: Xiong, Qian &amp; Wu (2013), Technometrics 55(1):37–46; Surjanovic &amp; Bingham,
/// https://www.sfu.ca/~ssurjano/curretal88exp.html (the form with max(0, ·) and the weights 1/4).
/// </summary>
public sealed class CurrinLow : IBenchmarkFunction
{
    private const double Offset = 0.05;

    public string Name => "currinLow";

    public string Description =>
        "Low fidelity of the Currin pair (Xiong, Qian & Wu 2013) on [0,1]²: the mean of currinHigh at (x1 ± 0.05, x2 + 0.05) and (x1 ± 0.05, max(0, x2 − 0.05)).";

    public int DefaultDimension => 2;

    public int MinDimension => 2;

    public int MaxDimension => 2;

    public Box Domain(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return Box.Uniform(2, 0, 1);
    }

    public IReadOnlyList<KnownMinimum> Minima(int dimension)
    {
        DimensionGuard.RequireSupported(this, dimension);
        return [];
    }

    public double Evaluate(ReadOnlySpan<double> x)
    {
        DimensionGuard.RequireExactly(x.Length, 2);
        double x1 = x[0], above = x[1] + Offset, below = Math.Max(0, x[1] - Offset);
        return (CurrinHigh.Value(x1 + Offset, above) + CurrinHigh.Value(x1 + Offset, below)
            + CurrinHigh.Value(x1 - Offset, above) + CurrinHigh.Value(x1 - Offset, below)) / 4;
    }
}
