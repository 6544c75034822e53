using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// ln(z·Φ(z) + φ(z)) — the expected-improvement factor — accurate far into the lower tail, where
/// computing it directly underflows to 0 and would leave an acquisition maximiser on a flat
/// landscape. Φ and φ themselves are MathNet.Numerics'; only the tail below z = −3 is ours.
/// </summary>
internal static class NormalDistribution
{
    private const double SeriesLimit = 3;
    private const double AsymptoticLimit = 30;

    public static double Pdf(double x) => Normal.PDF(0, 1, x);

    public static double Cdf(double x) => Normal.CDF(0, 1, x);

    /// <summary>ln Φ(z), finite far into the lower tail where Φ(z) itself underflows.</summary>
    public static double LogCdf(double z)
    {
        if (z > -SeriesLimit)
            return Math.Log(Cdf(z));
        double x = -z;
        return -0.5 * x * x - Constants.LogSqrt2Pi + Math.Log(MillsRatio(x));
    }

    /// <summary>ln h(z) with h(z) = z·Φ(z) + φ(z) &gt; 0.</summary>
    public static double LogImprovementFactor(double z)
    {
        if (z > -SeriesLimit)
            return Math.Log(z * Cdf(z) + Pdf(z));
        // h(z) = φ(x)·(1 − x·M(x)) with x = −z and M the Mills ratio Φ(−x)/φ(x): computed directly,
        // 1 − x·M(x) loses every digit to cancellation, so M comes from its continued fraction.
        double x = -z;
        double logPdf = -0.5 * x * x - Constants.LogSqrt2Pi;
        if (x < AsymptoticLimit)
            return logPdf + Math.Log(1 - x * MillsRatio(x));
        // 1 − x·M(x) = x⁻²·(1 − 3x⁻² + 15x⁻⁴ − 105x⁻⁶ + …); beyond x = 30 four terms reach 1e-10.
        double u = 1 / (x * x);
        return logPdf + Math.Log(u * (1 - u * (3 - u * (15 - 105 * u))));
    }

    /// <summary>M(x) = Φ(−x)/φ(x) by its continued fraction 1/(x + 1/(x + 2/(x + 3/(x + …)))), for x ≥ 3.</summary>
    private static double MillsRatio(double x)
    {
        // Evaluated from the tail up; 80 levels converge to double precision for x ≥ 3.
        double tail = x;
        for (int k = 80; k >= 1; k--)
            tail = x + k / tail;
        return 1 / tail;
    }
}
