using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.MultiObjective;

/// <summary>
/// Expected hypervolume improvement (Emmerich, Giannakoglou &amp; Naujoks 2006, "Single- and
/// multiobjective evolutionary optimization assisted by Gaussian random field metamodels", IEEE TEC
/// 10(4)) of a prediction with independent Gaussian objectives Y_k ~ N(μ_k, s_k²) over a Pareto front,
/// for minimisation below a reference point r.
/// </summary>
/// <remarks>
/// In two objectives it is exact, by the box decomposition of Yang, Emmerich, Deutz &amp; Bäck (2019,
/// "Efficient computation of expected hypervolume improvement using box decomposition algorithms",
/// J. Global Optimization 75): EHVI = ∫_A P(Y ≤ z) dz over the region A below r that the front does
/// not dominate. With the front sorted by f1 (so f2 falls), A splits into vertical strips
/// [p_i1, p_(i+1)1) × (−∞, p_i2) (p_0 = (−∞, r2), p_(k+1)1 = r1) and P(Y ≤ z) = Φ1(z1)·Φ2(z2) factorises,
/// so each strip contributes ∫Φ1 dz1 · ∫Φ2 dz2, and ∫_(−∞)^c Φ((z − μ)/s) dz = s·ψ((c − μ)/s) with
/// ψ(t) = tΦ(t) + φ(t), the expected-improvement factor. Kept as ln EHVI so that it stays comparable
/// far from the front, where EHVI underflows. For three or four objectives this class offers an
/// honest Monte-Carlo estimate with fixed (seeded) standard-normal draws instead.
/// </remarks>
public static class ExpectedHypervolumeImprovement
{
    /// <summary>The front's vectors strictly better than the reference in both objectives, sorted by f1 (f2 then falls): the input of <see cref="LogExactTwoObjectives"/>.</summary>
    public static double[][] PrepareTwoObjectiveFront(IReadOnlyList<double[]> front, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(front);
        double r1 = reference[0], r2 = reference[1];
        var inside = front.Where(p => p[0] < r1 && p[1] < r2).ToList();
        var nondominated = ParetoDominance.NondominatedIndices(inside).Select(i => inside[i]);
        return [.. nondominated.OrderBy(p => p[0]).ThenBy(p => p[1])];
    }

    /// <summary>ln EHVI, exact, in two objectives; −∞ where EHVI is 0.</summary>
    /// <param name="sortedFront">From <see cref="PrepareTwoObjectiveFront"/>.</param>
    public static double LogExactTwoObjectives(double[][] sortedFront, ReadOnlySpan<double> reference, double mean1, double error1, double mean2, double error2)
    {
        ArgumentNullException.ThrowIfNull(sortedFront);
        double total = double.NegativeInfinity;
        int k = sortedFront.Length;
        for (int i = 0; i <= k; i++)
        {
            double left = i == 0 ? double.NegativeInfinity : sortedFront[i - 1][0];
            double right = i == k ? reference[0] : sortedFront[i][0];
            double top = i == 0 ? reference[1] : sortedFront[i - 1][1];
            double term = LogIntegralOfCdf(left, right, mean1, error1) + LogIntegralOfCdf(double.NegativeInfinity, top, mean2, error2);
            total = LogAdd(total, term);
        }
        return total;
    }

    /// <summary>EHVI, exact, in two objectives.</summary>
    public static double ExactTwoObjectives(IReadOnlyList<double[]> front, ReadOnlySpan<double> reference, double mean1, double error1, double mean2, double error2) =>
        Math.Exp(LogExactTwoObjectives(PrepareTwoObjectiveFront(front, reference), reference, mean1, error1, mean2, error2));

    /// <summary>
    /// The Monte-Carlo estimate (1/N)·Σ_n HVI(μ + s∘ξ_n) with the given standard-normal draws ξ_n
    /// (one row of m per sample): unbiased, with a standard error that falls as 1/√N.
    /// </summary>
    public static double MonteCarlo(IReadOnlyList<double[]> front, ReadOnlySpan<double> reference, ReadOnlySpan<double> means, ReadOnlySpan<double> errors, double[][] normals)
    {
        ArgumentNullException.ThrowIfNull(normals);
        var sample = new double[reference.Length];
        double sum = 0;
        foreach (var xi in normals)
        {
            for (int k = 0; k < sample.Length; k++)
                sample[k] = means[k] + errors[k] * xi[k];
            sum += Improvement(front, sample, reference);
        }
        return sum / normals.Length;
    }

    /// <summary>
    /// HVI(y) = HV(P ∪ {y}) − HV(P): the box [y, r] minus the part of it that P already dominates,
    /// which is the hypervolume of the points max(p, y) (componentwise).
    /// </summary>
    public static double Improvement(IReadOnlyList<double[]> front, ReadOnlySpan<double> y, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(front);
        double box = 1;
        for (int k = 0; k < y.Length; k++)
        {
            if (!(y[k] < reference[k]))
                return 0;
            box *= reference[k] - y[k];
        }
        var clipped = new List<double[]>(front.Count);
        foreach (var p in front)
        {
            var c = new double[y.Length];
            for (int k = 0; k < c.Length; k++)
                c[k] = Math.Max(p[k], y[k]);
            clipped.Add(c);
        }
        return Math.Max(0, box - Hypervolume.Of(clipped, reference));
    }

    /// <summary>ln ∫_a^b Φ((z − μ)/s) dz = ln s·(ψ(β) − ψ(α)), α = (a − μ)/s, β = (b − μ)/s; the step function's integral when s = 0.</summary>
    private static double LogIntegralOfCdf(double a, double b, double mean, double error)
    {
        if (!(b > a))
            return double.NegativeInfinity;
        if (!(error > 0))
        {
            double length = b - Math.Max(a, mean);
            return length > 0 ? Math.Log(length) : double.NegativeInfinity;
        }
        double logUpper = NormalDistribution.LogImprovementFactor((b - mean) / error);
        if (double.IsNegativeInfinity(a))
            return Math.Log(error) + logUpper;
        double logLower = NormalDistribution.LogImprovementFactor((a - mean) / error);
        // ψ is increasing, so ψ(β) − ψ(α) = ψ(β)·(1 − e^(ln ψ(α) − ln ψ(β))) without losing the tail.
        return Math.Log(error) + logUpper + LogOneMinusExp(logLower - logUpper);
    }

    /// <summary>ln(1 − eᵈ) for d ≤ 0, by the series of eᵈ − 1 near 0 where 1 − eᵈ would cancel.</summary>
    private static double LogOneMinusExp(double d)
    {
        double expMinusOne = Math.Abs(d) < 1e-5 ? d * (1 + 0.5 * d) : Math.Exp(d) - 1;
        return Math.Log(-expMinusOne);
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
            return b;
        if (double.IsNegativeInfinity(b))
            return a;
        double high = Math.Max(a, b);
        return high + Math.Log(1 + Math.Exp(Math.Min(a, b) - high));
    }
}
