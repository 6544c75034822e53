using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The low-fidelity level's predictive variance with its correlation parameters θ integrated out, as
/// <see cref="DiscrepancyThetaAverage"/> does for the discrepancy: ordinary Kriging (the regressor 1) at the nodes of
/// <see cref="KrigingThetaQuadrature"/> (θ only; p, the nugget and a fitted noise ratio stay), each weighted by its
/// integrated likelihood L(θ) ∝ |K|^(−1/2)·(1ᵀK⁻¹1)^(−1/2)·Q^(−(n−1)/2) (Berger, De Oliveira &amp; Sansó 2001, eq. 5), and
/// s²_low(x) = Σ_j w_j·(σ²_j·c_j(x) + (m_j(x) − ŷ_low(x))²) about the plug-in prediction ŷ_low.
/// </summary>
/// <remarks>
/// Why: with θ̂ plugged in the low level's errors on Forrester's 11 points were several times its standard errors, and
/// that error is all of Forrester's co-Kriging error (its discrepancy is linear); over five sets of ten designs the
/// mean coverage fell to 88.4 % on one. σ²_j = Q/(n − 1), the restricted (REML) estimate, which is the squared scale of
/// the Student-t predictive distribution given θ (n − 1 degrees of freedom); the t's variance, Q/(n − 3), covered
/// 96.8–99.1 % of Forrester's function, above the 98 % that honest 95 % intervals should not exceed on average, and
/// Q/(n − 1) 94.7–97.9 % (docs/surrogates.md). With the default work bound the 100 low-fidelity points of Currin's pair
/// keep the two heaviest nodes, where the likelihood of 100 points is concentrated anyway.
/// </remarks>
internal sealed class LowFidelityThetaAverage
{
    private readonly (double Weight, KrigingModel Model)[] _nodes;
    private readonly double _varianceRatio;

    private LowFidelityThetaAverage((double Weight, KrigingModel Model)[] nodes, double varianceRatio)
    {
        _nodes = nodes;
        _varianceRatio = varianceRatio;
    }

    /// <param name="low">The low-fidelity model at θ̂ (its shape, p, nugget and noise are kept at every node).</param>
    /// <returns>Null if no node could be built (not even θ̂'s): then the plug-in variance stands.</returns>
    public static LowFidelityThetaAverage? Build(KrigingModel low)
    {
        var data = low.Data;
        int n = data.Count;
        var candidates = new List<(double LogWeight, KrigingModel Model)>();
        foreach (var (theta, p) in KrigingThetaQuadrature.Points(data.Box, low, withExponents: false))
        {
            if (TryNode(low, theta, p) is { } node)
                candidates.Add(node);
        }
        if (candidates.Count == 0)
            return null;
        // A model's standard error is √(σ²_ML·c(x)) with σ²_ML = Q/n: Q/(n − 1) is n/(n − 1) times it.
        return new LowFidelityThetaAverage([.. KrigingThetaQuadrature.Keep(candidates, n)], n / (n - 1.0));
    }

    /// <summary>The node at θ with its log integrated likelihood; null where K cannot be factored.</summary>
    private static (double LogWeight, KrigingModel Model)? TryNode(KrigingModel low, double[] theta, double[] p)
    {
        int n = low.Data.Count;
        try
        {
            var model = KrigingModel.WithNugget(low.Data, new KrigingCorrelation(low.Shape, theta, p), low.Nugget, low.Noise, low.NoiseParameter);
            double q = model.ProcessVariance * n;
            double logWeight = -0.5 * model.LogDeterminant - 0.5 * Math.Log(model.OnesPrecision) - 0.5 * (n - 1) * Math.Log(q);
            return double.IsFinite(logWeight) ? (logWeight, model) : null;
        }
        catch (SurrogateFitException)
        {
            // Very smooth nodes can leave K numerically singular at the fitted nugget: they are left out.
            return null;
        }
    }

    /// <summary>The mixture's variance about <paramref name="predicted"/> (ŷ_low at θ̂) at each point.</summary>
    public void Variances(PointSet points, ReadOnlySpan<double> predicted, Span<double> variances)
    {
        int m = points.Count;
        var values = new double[m];
        var errors = new double[m];
        variances.Clear();
        foreach (var (weight, model) in _nodes)
        {
            model.Predict(points, values);
            model.StandardError(points, errors);
            for (int k = 0; k < m; k++)
            {
                double offset = values[k] - predicted[k];
                variances[k] += weight * (_varianceRatio * errors[k] * errors[k] + offset * offset);
            }
        }
    }
}
