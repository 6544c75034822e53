using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The modelled probability that a point satisfies every black-box constraint c_k(x) ≤ 0, each
/// constraint an independent Gaussian-process model: PoF(x) = Π_k Φ(−μ_k(x)/s_k(x)). Multiplying
/// expected improvement by it is the constrained EI of Schonlau, Welch &amp; Jones (1998) and
/// Gardner et al. (2014, "Bayesian optimization with inequality constraints", ICML); before any
/// feasible point is known, PoF alone is maximised to find one (Gelbart, Snoek &amp; Adams 2014).
/// Kept as ln PoF so that it stays comparable where PoF underflows.
/// </summary>
internal sealed class ProbabilityOfFeasibility(IReadOnlyList<ISurrogateModel> constraints)
{
    /// <summary>ln PoF at every candidate.</summary>
    public double[] Log(PointSet candidates)
    {
        var total = new double[candidates.Count];
        var means = new double[candidates.Count];
        var errors = new double[candidates.Count];
        foreach (var model in constraints)
        {
            model.Predict(candidates, means);
            model.StandardError(candidates, errors);
            for (int i = 0; i < total.Length; i++)
                total[i] += LogOne(means[i], errors[i]);
        }
        return total;
    }

    private static double LogOne(double mean, double standardError)
    {
        if (!double.IsFinite(mean) || !double.IsFinite(standardError))
            return double.NegativeInfinity;
        if (!(standardError > 0))
            return mean <= 0 ? 0 : double.NegativeInfinity;
        return NormalDistribution.LogCdf(-mean / standardError);
    }
}
