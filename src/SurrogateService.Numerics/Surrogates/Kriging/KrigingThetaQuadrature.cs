using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The quadrature over a Kriging level's correlation parameters that co-Kriging's standard errors integrate
/// out (<see cref="DiscrepancyThetaAverage"/> for the discrepancy, <see cref="LowFidelityThetaAverage"/> for the
/// low level): the fitted θ̂ and <see cref="Nodes"/> scrambled Sobol' points, log-uniform in θ̃_l = θ_l·w_l^p_l
/// over the likelihood search's own box [1e-8, 1e4] (a quasi-Monte Carlo quadrature with equal volumes), and,
/// where asked, p uniform over fitP's range [1, 2]. Nodes are weighted by their integrated likelihood, and
/// those carrying <see cref="KeptWeight"/> of the weight are kept, at most <see cref="WorkPerPoint"/>/n² of them.
/// </summary>
internal static class KrigingThetaQuadrature
{
    /// <summary>Quasi-Monte Carlo nodes beside θ̂.</summary>
    public const int Nodes = 256;

    /// <summary>Above this many points θ is treated as known: it is well determined there, and the nodes' factorisations would cost more than the fit.</summary>
    public const int MaximumPoints = 100;

    /// <summary>Nodes kept × n², the bound on the work per predicted point (all 257 nodes at n = 10, 25 at n = 100).</summary>
    private const double WorkPerPoint = 256 * 100;

    /// <summary>The share of the weight the kept nodes must carry.</summary>
    private const double KeptWeight = 0.999;

    private const ulong NodeSeed = 1;

    /// <summary>Whether θ is averaged over for a level with these data: 3 to <see cref="MaximumPoints"/> points, and no known noise (σ² must be concentrated out).</summary>
    public static bool Applies(TrainingSet data, KrigingModel model) =>
        data.Count is > 2 and <= MaximumPoints && model.Noise.Mode != NoiseMode.Known && data.Dimension <= SobolSampling.MaxDimension;

    /// <summary>A level's work per predicted point: n² per node kept (<see cref="WorkPerPoint"/> bounds it), n² where θ is plugged in.</summary>
    public static double WorkPerPointBound(int count)
    {
        double squared = (double)count * count;
        return count is > 2 and <= MaximumPoints ? Math.Min((Nodes + 1) * squared, Math.Max(WorkPerPoint, squared)) : squared;
    }

    /// <summary>θ̂ with the model's p, then the Sobol' nodes mapped to θ_l = θ̃_l / w_l^p_l (p_l = p of the node, or the model's).</summary>
    /// <param name="withExponents">Whether p is a coordinate of the quadrature too (one p for every input, uniform on [1, 2]).</param>
    public static IEnumerable<(double[] Theta, double[] P)> Points(Box box, KrigingModel model, bool withExponents)
    {
        yield return (model.Theta.ToArray(), model.P.ToArray());
        int d = box.Dimension;
        var sobol = new SobolSampling();
        var options = new OptionValues(sobol.Options, new Dictionary<string, object>
        {
            [SobolSampling.SequenceOption] = "plain",
            [SobolSampling.ScrambleOption] = true,
        });
        var unit = sobol.Sample(Nodes, Box.Uniform(withExponents ? d + 1 : d, 0, 1), options, NodeSeed);
        double logMin = Math.Log(KrigingHyperparameterSearch.MinScaledTheta), logMax = Math.Log(KrigingHyperparameterSearch.MaxScaledTheta);
        for (int j = 0; j < Nodes; j++)
        {
            var p = withExponents
                ? Enumerable.Repeat(KrigingHyperparameterSearch.MinP + unit[j][d] * (KrigingHyperparameterSearch.MaxP - KrigingHyperparameterSearch.MinP), d).ToArray()
                : model.P.ToArray();
            var theta = new double[d];
            for (int l = 0; l < d; l++)
                theta[l] = Math.Exp(logMin + unit[j][l] * (logMax - logMin)) / Math.Pow(box.Upper[l] - box.Lower[l], p[l]);
            yield return (theta, p);
        }
    }

    /// <summary>
    /// The heaviest nodes, up to <see cref="KeptWeight"/> of the weight and at most <see cref="WorkPerPoint"/>/n², with
    /// weights exp(log-weight) normalised over those kept.
    /// </summary>
    public static List<(double Weight, T Node)> Keep<T>(List<(double LogWeight, T Node)> candidates, int count)
    {
        double largest = candidates.Max(c => c.LogWeight);
        var weights = candidates.Select(c => Math.Exp(c.LogWeight - largest)).ToArray();
        double total = weights.Sum();
        int limit = Math.Max(1, (int)(WorkPerPoint / ((double)count * count)));
        var kept = new List<(double Weight, T Node)>();
        double carried = 0;
        foreach (int j in Enumerable.Range(0, candidates.Count).OrderByDescending(j => weights[j]))
        {
            if (kept.Count >= limit || carried >= KeptWeight * total)
                break;
            kept.Add((weights[j], candidates[j].Node));
            carried += weights[j];
        }
        return [.. kept.Select(k => (k.Weight / carried, k.Node))];
    }
}
