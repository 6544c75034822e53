namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// The low fidelity of Xiong, Qian &amp; Wu's (2013) Currin pair: the mean of the high fidelity
/// <see cref="CurrinHigh"/> at the four corners (x1 ± 0.05, x2 + 0.05) and (x1 ± 0.05, max(0, x2 − 0.05)),
/// a smoothed, biased version of it, on [0, 1]².
/// References: Xiong, Qian &amp; Wu (2013), Technometrics 55(1):37–46; Surjanovic &amp; Bingham,
/// https://www.sfu.ca/~ssurjano/curretal88exp.html (the form with max(0, ·) and the weights 1/4).
/// </summary>
public sealed class CurrinLow : CurrinFidelity
{
    private const double Offset = 0.05;

    public override string Name => "currinLow";

    public override string Description =>
        "Low fidelity of the Currin pair (Xiong, Qian & Wu 2013) on [0,1]²: the mean of currinHigh at (x1 ± 0.05, x2 + 0.05) and (x1 ± 0.05, max(0, x2 − 0.05)).";

    protected override double Evaluate(double x1, double x2)
    {
        double above = x2 + Offset, below = Math.Max(0, x2 - Offset);
        return (CurrinHigh.Value(x1 + Offset, above) + CurrinHigh.Value(x1 + Offset, below)
            + CurrinHigh.Value(x1 - Offset, above) + CurrinHigh.Value(x1 - Offset, below)) / 4;
    }
}
