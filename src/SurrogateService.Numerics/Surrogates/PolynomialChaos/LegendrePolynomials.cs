namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Legendre polynomials normalised for the uniform distribution on [−1, 1]:
/// ψ_k(t) = √(2k + 1)·P_k(t), so that E[ψ_j ψ_k] = ½∫ψ_j ψ_k dt = δ_jk. P_k by Bonnet's recurrence
/// (k + 1)P_{k+1} = (2k + 1)t·P_k − k·P_{k−1}, derivatives by P'_{k+1} = P'_{k−1} + (2k + 1)P_k, which,
/// unlike the form with (1 − t²) in front of P', is regular at t = ±1.
/// </summary>
internal static class LegendrePolynomials
{
    /// <summary>Writes ψ_0(t) … ψ_{values.Length − 1}(t).</summary>
    public static void Evaluate(double t, Span<double> values)
    {
        if (values.IsEmpty)
            return;
        double previous = 1, current = t;
        values[0] = 1;
        for (int k = 1; k < values.Length; k++)
        {
            values[k] = Math.Sqrt(2 * k + 1) * current;
            double next = ((2 * k + 1) * t * current - k * previous) / (k + 1);
            previous = current;
            current = next;
        }
    }

    /// <summary>Writes ψ_k(t) and dψ_k/dt for k = 0 … values.Length − 1.</summary>
    public static void EvaluateWithDerivatives(double t, Span<double> values, Span<double> derivatives)
    {
        int count = values.Length;
        if (count == 0)
            return;
        // p[k] = P_k(t) and dp[k] = P'_k(t), kept two at a time.
        double pPrevious = 1, p = t, dPrevious = 0, d = 1;
        values[0] = 1;
        derivatives[0] = 0;
        for (int k = 1; k < count; k++)
        {
            double scale = Math.Sqrt(2 * k + 1);
            values[k] = scale * p;
            derivatives[k] = scale * d;
            double pNext = ((2 * k + 1) * t * p - k * pPrevious) / (k + 1);
            double dNext = dPrevious + (2 * k + 1) * p;
            (pPrevious, p) = (p, pNext);
            (dPrevious, d) = (d, dNext);
        }
    }
}
