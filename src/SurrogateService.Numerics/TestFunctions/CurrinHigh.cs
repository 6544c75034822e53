namespace SurrogateService.Numerics.TestFunctions;

/// <summary>
/// Currin's exponential function, the high fidelity of Xiong, Qian &amp; Wu's two-fidelity pair:
/// f(x) = (1 − exp(−1/(2·x2)))·(2300x1³ + 1900x1² + 2092x1 + 60)/(100x1³ + 500x1² + 4x1 + 20)
/// on [0, 1]²; its cheap counterpart is <see cref="CurrinLow"/>. No minimum is listed: it is a
/// surrogate-modelling test function.
/// References: Currin, Mitchell, Morris &amp; Ylvisaker (1988), ORNL technical report 6498;
/// Xiong, Qian &amp; Wu (2013), "Sequential design and analysis of high-accuracy and low-accuracy
/// computer codes", Technometrics 55(1):37–46; Surjanovic &amp; Bingham,
/// https://www.sfu.ca/~ssurjano/curretal88exp.html.
/// </summary>
public sealed class CurrinHigh : CurrinFidelity
{
    public override string Name => "currinHigh";

    public override string Description =>
        "Currin's exponential function on [0,1]², the high fidelity of Xiong, Qian & Wu's (2013) pair: " +
        "(1 − exp(−1/(2x2)))(2300x1³ + 1900x1² + 2092x1 + 60)/(100x1³ + 500x1² + 4x1 + 20); currinLow is its low fidelity.";

    protected override double Evaluate(double x1, double x2) => Value(x1, x2);

    /// <summary>The formula; shared with <see cref="CurrinLow"/> and Branin–Currin's second objective.</summary>
    internal static double Value(double x1, double x2)
    {
        // At x2 = 0 (either sign of zero) the exponent is −∞ and the factor is 1, the function's limit.
        double factor = x2 == 0 ? 1 : 1 - Math.Exp(-1 / (2 * x2));
        double numerator = ((2300 * x1 + 1900) * x1 + 2092) * x1 + 60;
        double denominator = ((100 * x1 + 500) * x1 + 4) * x1 + 20;
        return factor * numerator / denominator;
    }
}
