namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Expected improvement of a Gaussian prediction N(μ, s²) below the best value f_min by more than ξ
/// (Jones, Schonlau &amp; Welch 1998): EI = (f_min − μ − ξ)·Φ(z) + s·φ(z), z = (f_min − μ − ξ)/s, EI ≥ 0.
/// </summary>
public static class ExpectedImprovement
{
    public static double Value(double mean, double standardError, double best, double xi) =>
        Math.Exp(Log(mean, standardError, best, xi));

    /// <summary>ln EI, finite wherever s &gt; 0 even when EI itself underflows; −∞ where EI = 0.</summary>
    public static double Log(double mean, double standardError, double best, double xi)
    {
        double gain = best - mean - xi;
        if (!(standardError > 0))
            return gain > 0 ? Math.Log(gain) : double.NegativeInfinity;
        return Math.Log(standardError) + NormalDistribution.LogImprovementFactor(gain / standardError);
    }
}
