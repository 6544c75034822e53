using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Co-Kriging's predictive variance with the discrepancy's correlation parameters θ (and, with the power-exponential
/// kernel, its exponent p) integrated out instead of plugged in: the predictive distributions at quadrature nodes
/// (θ_j, p_j) are mixed with weights proportional to their integrated likelihood, and the variance is the mixture's
/// about the plug-in prediction ŷ (which stays the prediction): s²(x) = Σ_j w_j·(s²_j(x) + (m_j(x) − ŷ(x))²)
/// (Bayesian model averaging).
/// </summary>
/// <remarks>
/// <para>
/// Why: with 10 high-fidelity points θ is poorly determined, and the plug-in variance, which treats θ̂ as the
/// truth, covered about half of Currin's function with its 95 % intervals; calibrating σ²_δ by leave-one-out
/// (Bachoc 2013) did not help, since the leave-one-out errors at the 10 points are as small as predicted while
/// the errors between them are not (measured: docs/surrogates.md).
/// </para>
/// <para>
/// At each node, ρ and the mean of δ (the regressors H = [1, ŷ_low(x_high)]) are generalised least-squares
/// estimates and σ²_δ = Q/(n − 4) (<see cref="PredictiveVarianceScale"/>); m_j = ρ_j·ŷ_low + ŷ_δ,j and
/// s²_j = (ρ_j² + σ²_ρ,j)·s²_low + σ²_δ,j·c_j(x). The weight is the likelihood with β and σ² integrated out
/// under the prior π(β, σ²) ∝ 1/σ²: L(θ) ∝ |K|^(−1/2)·|HᵀK⁻¹H|^(−1/2)·Q^(−(n−2)/2) (Berger, De Oliveira
/// &amp; Sansó 2001, J. Amer. Statist. Assoc. 96(456), eq. 5; the same integrated likelihood for the recursive
/// co-Kriging's levels in Le Gratiet 2013, SIAM/ASA J. Uncertainty Quantification 1). The prior on θ is
/// log-uniform on the likelihood search's own box (<see cref="KrigingThetaQuadrature"/>); the nugget and a fitted
/// noise ratio stay at their fitted values. Each component has its Student-t's variance but is read as normal
/// (the service reports a standard error, not a quantile; ±1.96 standard deviations of a t with 3 to 98 degrees
/// of freedom hold 94.7–95.7 % of it): with n − 2 = 2 degrees of freedom (Forrester's 4 points) a t's variance
/// is infinite, and t quantiles on top of the mixture made Forrester's intervals 7.6 RMSE wide where the normal
/// mixture covered 92–93 %.
/// </para>
/// <para>
/// p is integrated out too, uniform on fitP's range [1, 2] (one p for every input), where the kernel is the power
/// exponential with p in that range and the residual degrees of freedom n − 2 exceed the d + 1 correlation
/// parameters: with θ alone, the designs whose 10 points happen to show δ as smooth (the default p = 2) or as
/// constant along an input took the likelihood's weight to those θ, and their intervals covered 31–63 % of
/// Currin's function; rougher kernels that the same 10 values do not rule out widen them between the points
/// (measured over five sets of ten designs: docs/surrogates.md). With as many parameters as degrees of freedom
/// (Forrester's 4 points in 1-D) the likelihood cannot weigh p, and p = 1's Brownian-like nodes made the intervals
/// 12–53 RMSE wide, so p stays fitted there.
/// </para>
/// <para>
/// Cost: two Kriging models of the n high-fidelity points per node when standard errors are first asked for, and per
/// point O(n²) for each node kept (<see cref="KrigingThetaQuadrature.Keep"/>).
/// </para>
/// </remarks>
internal sealed class DiscrepancyThetaAverage
{
    private readonly Node[] _nodes;
    private readonly double[] _lowAtHigh;

    private DiscrepancyThetaAverage(Node[] nodes, double[] lowAtHigh)
    {
        _nodes = nodes;
        _lowAtHigh = lowAtHigh;
    }

    /// <summary>A node: its weight, ρ_j, the discrepancy model at (θ_j, p_j), σ²_δ,j = Q/(n − 4) and σ²_ρ,j/σ²_δ,j.</summary>
    private sealed record Node(double Weight, double Scale, KrigingModel Discrepancy, double VarianceScale, double ScaleVarianceFactor);

    /// <summary>Whether p is a coordinate of the quadrature: the power-exponential kernel with every p_l in [1, 2], and more residual degrees of freedom (n − 2) than correlation parameters (d + 1).</summary>
    public static bool IntegratesExponents(TrainingSet data, KrigingModel discrepancy) =>
        discrepancy.Shape == KernelShape.PowerExponential
        && discrepancy.P.ToArray().All(p => p is >= KrigingHyperparameterSearch.MinP and <= KrigingHyperparameterSearch.MaxP)
        && data.Count - 2 > data.Dimension + 1
        && data.Dimension < SobolSampling.MaxDimension;

    /// <param name="data">The high-fidelity data.</param>
    /// <param name="lowAtHigh">ŷ_low at the high-fidelity points.</param>
    /// <param name="discrepancy">The discrepancy model at θ̂ (its shape, nugget and noise are kept at every node).</param>
    /// <returns>Null if no node could be built (not even θ̂'s): then the plug-in variance stands.</returns>
    public static DiscrepancyThetaAverage? Build(TrainingSet data, double[] lowAtHigh, KrigingModel discrepancy)
    {
        var high = new TrainingSet(data.Points, data.Values, data.Box, data.NoiseVariances);
        var candidates = new List<(double LogWeight, Node Node)>();
        foreach (var (theta, p) in KrigingThetaQuadrature.Points(data.Box, discrepancy, IntegratesExponents(data, discrepancy)))
        {
            if (TryNode(high, lowAtHigh, discrepancy, theta, p) is { } node)
                candidates.Add(node);
        }
        if (candidates.Count == 0)
            return null;
        var kept = KrigingThetaQuadrature.Keep(candidates, data.Count);
        return new DiscrepancyThetaAverage([.. kept.Select(k => k.Node with { Weight = k.Weight })], lowAtHigh);
    }

    /// <summary>The node at (θ, p), with its log integrated likelihood; null where K cannot be factored or ρ is undetermined.</summary>
    private static (double LogWeight, Node Node)? TryNode(TrainingSet high, double[] lowAtHigh, KrigingModel discrepancy, double[] theta, double[] p)
    {
        int n = high.Count;
        var correlation = new KrigingCorrelation(discrepancy.Shape, theta, p);
        try
        {
            var whole = KrigingModel.WithNugget(high, correlation, discrepancy.Nugget, discrepancy.Noise, discrepancy.NoiseParameter);
            double scale = whole.GeneralisedLeastSquares(high.Values, lowAtHigh).Slope;
            var residual = new double[n];
            for (int i = 0; i < n; i++)
                residual[i] = high.Values[i] - scale * lowAtHigh[i];
            var model = KrigingModel.WithNugget(new TrainingSet(high.Points, residual, high.Box, high.NoiseVariances), correlation, discrepancy.Nugget,
                discrepancy.Noise, discrepancy.NoiseParameter);
            // Q is n·σ²_ML: the generalised least-squares residual's K⁻¹-norm.
            double q = model.ProcessVariance * n;
            double logWeight = -0.5 * model.LogDeterminant - 0.5 * model.TrendGramLogDeterminant(lowAtHigh) - 0.5 * (n - 2) * Math.Log(q);
            if (!double.IsFinite(logWeight))
                return null;
            return (logWeight, new Node(0, scale, model, PredictiveVarianceScale(q, n), model.TrendSlopeVarianceFactor(lowAtHigh)));
        }
        catch (SurrogateFitException)
        {
            // Very smooth nodes can leave K numerically singular at the fitted nugget: they are left out.
            return null;
        }
    }

    /// <summary>
    /// σ²_δ of a node's variance. Given θ, δ's predictive distribution under the prior π(β, σ²) ∝ 1/σ² is a Student-t
    /// with n − 2 degrees of freedom and squared scale Q/(n − 2)·c(x) (Santner, Williams &amp; Notz, The Design and
    /// Analysis of Computer Experiments, 2003, §4.1; Le Gratiet 2013 for each level of the recursive co-Kriging), and
    /// a t with ν degrees of freedom has variance ν/(ν − 2) times its squared scale: Q/(n − 4)·c(x). That variance
    /// is what a standard error must give; with 3 or 4 points it is infinite, and the scale Q/(n − 2) stands.
    /// </summary>
    internal static double PredictiveVarianceScale(double q, int n) => n > 4 ? q / (n - 4) : q / (n - 2);

    /// <summary>The mixture's variance about <paramref name="predicted"/> at each point.</summary>
    /// <param name="lowValues">ŷ_low at the points.</param>
    /// <param name="lowErrors">s_low at the points.</param>
    public void Variances(PointSet points, ReadOnlySpan<double> lowValues, ReadOnlySpan<double> lowErrors, ReadOnlySpan<double> predicted, Span<double> variances)
    {
        int m = points.Count;
        var discrepancy = new double[m];
        var factors = new double[m];
        variances.Clear();
        foreach (var node in _nodes)
        {
            node.Discrepancy.Predict(points, discrepancy);
            node.Discrepancy.UniversalVarianceFactors(points, _lowAtHigh, lowValues, factors);
            double scaleSquared = node.Scale * node.Scale + node.VarianceScale * node.ScaleVarianceFactor;
            for (int k = 0; k < m; k++)
            {
                double offset = node.Scale * lowValues[k] + discrepancy[k] - predicted[k];
                double variance = scaleSquared * lowErrors[k] * lowErrors[k] + node.VarianceScale * factors[k];
                variances[k] += node.Weight * (variance + offset * offset);
            }
        }
    }
}
