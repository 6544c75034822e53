namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The 1-D Lobachevsky spline of even order n, as a function of t = α·(v − x):
/// φ(t) = √(n/3)/(2ⁿ(n−1)!)·Σ_{l: a_l &gt; 0} (−1)^l·C(n,l)·a_l^(n−1) with a_l = √(n/3)·t + n − 2l.
/// Substituting s = (√(n/3)·t + n)/2 turns the sum into 2^(n−1)(n−1)!·M_n(s), where M_n is the cardinal
/// B-spline on the knots 0..n (the Irwin–Hall density), so φ(t) = √(n/3)/2·M_n(s). M_n is evaluated
/// by the Cox–de Boor recursion, a chain of convex combinations, instead of the alternating sum,
/// whose terms grow to ~10¹² for n = 20 and would cancel away most digits.
/// </summary>
internal static class LobachevskyBasis
{
    public const int MaximumOrder = 20;

    public static double Value(double t, int order)
    {
        double root = Math.Sqrt(order / 3.0);
        double s = 0.5 * (root * t + order);
        if (!(s > 0 && s < order))
            return 0;
        Span<double> splines = stackalloc double[order];
        CardinalBSplines(s, order, splines);
        return 0.5 * root * splines[(int)s];
    }

    /// <summary>
    /// Φ(t) = ∫_{−∞}^{t} φ = (1/(2ⁿ·n!))·Σ_{k: c_k &gt; 0} (−1)^k·C(n,k)·c_k^n, c_k = √(n/3)·t + n − 2k;
    /// in B-spline terms the distribution function ∫₀^s M_n = Σ_{q ≥ 0} M_(n+1)(s − q), which
    /// telescopes because M_(n+1)′(x) = M_n(x) − M_n(x − 1).
    /// </summary>
    public static double Antiderivative(double t, int order)
    {
        double s = 0.5 * (Math.Sqrt(order / 3.0) * t + order);
        if (s <= 0)
            return 0;
        if (s >= order)
            return 1;
        Span<double> splines = stackalloc double[order + 1];
        CardinalBSplines(s, order + 1, splines);
        double sum = 0;
        for (int q = 0; q <= (int)s; q++)
            sum += splines[q];
        return sum;
    }

    /// <summary>
    /// splines[r] = M_order(f + r) for r = 0..order−1, f = s − floor(s): every piece of M_order at the
    /// fractional position of s, from M_1 = 1 on [0, 1) and
    /// M_k(x) = (x·M_(k−1)(x) + (k − x)·M_(k−1)(x − 1))/(k − 1).
    /// </summary>
    private static void CardinalBSplines(double s, int order, Span<double> splines)
    {
        double f = s - Math.Floor(s);
        splines[0] = 1;
        for (int k = 2; k <= order; k++)
        {
            splines[k - 1] = 0;
            for (int r = k - 1; r >= 0; r--)
            {
                double x = f + r;
                double left = r >= 1 ? splines[r - 1] : 0;
                splines[r] = (x * splines[r] + (k - x) * left) / (k - 1);
            }
        }
    }
}
