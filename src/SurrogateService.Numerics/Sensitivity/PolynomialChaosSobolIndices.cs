using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// Sobol' indices of a polynomial chaos expansion read off its coefficients, with no sampling
/// (Sudret 2008, "Global sensitivity analysis using polynomial chaos expansions", Reliab. Eng. Syst. Saf. 93:964–979): with orthonormal terms the variance
/// is V = Σ_{α≠0} c_α², input i's first-order share is the sum of c_α² over the terms in x_i alone
/// (α_i &gt; 0, every other α_j = 0) and its total share the sum over the terms involving x_i (α_i &gt; 0),
/// each divided by V. These are the exact indices of the model; how close they are to the
/// function's depends on the fit (see its leave-one-out error).
/// </summary>
public static class PolynomialChaosSobolIndices
{
    public const string Method = "polynomialChaos";

    public static SobolIndicesResult Compute(PolynomialChaosModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int d = model.Data.Dimension;
        var firstOrder = new double[d];
        var total = new double[d];
        for (int k = 0; k < model.TermCount; k++)
        {
            double share = model.Coefficient(k) * model.Coefficient(k);
            int involved = 0, only = -1;
            for (int i = 0; i < d; i++)
            {
                if (model.Degree(k, i) == 0)
                    continue;
                total[i] += share;
                involved++;
                only = i;
            }
            if (involved == 1)
                firstOrder[only] += share;
        }
        var warnings = new List<string>();
        double variance = model.Variance;
        if (variance > 0)
        {
            for (int i = 0; i < d; i++)
            {
                firstOrder[i] /= variance;
                total[i] /= variance;
            }
        }
        else
        {
            warnings.Add("The model is constant over the box: it has no variance to apportion, and every index is reported as 0.");
        }
        var firstIntervals = firstOrder.Select(s => new ConfidenceInterval(s, s)).ToArray();
        var totalIntervals = total.Select(s => new ConfidenceInterval(s, s)).ToArray();
        return new SobolIndicesResult(firstOrder, total, firstIntervals, totalIntervals, 0, warnings)
        {
            Method = Method,
            Mean = model.Mean,
            Variance = variance,
        };
    }
}
