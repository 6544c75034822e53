using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// TuRBO's candidates: a box around the centre with edges L·w_l (w the length-scales normalised to a
/// geometric mean of 1, so the box is longer where the function varies slowly), clipped to the design
/// box; scrambled Sobol' points in it, of which each candidate takes only a random subset of
/// coordinates, each with probability min(20/d, 1) and at least one (the DYCORS perturbation that
/// TuRBO uses in many dimensions), the others staying at the centre's.
/// </summary>
internal static class TrustRegionCandidates
{
    /// <summary>min(5 000, max(2 000, 200·d)) candidates, as in the TuRBO paper and BoTorch's tutorial.</summary>
    public static int Count(int dimension) => Math.Min(5000, Math.Max(2000, 200 * dimension));

    /// <param name="lengthScales">Per input, in units of the box's widths.</param>
    public static Box Region(Box box, ReadOnlySpan<double> centre, ReadOnlySpan<double> lengthScales, double length)
    {
        int d = box.Dimension;
        double logMean = 0;
        for (int l = 0; l < d; l++)
            logMean += Math.Log(lengthScales[l]) / d;
        var lower = new double[d];
        var upper = new double[d];
        for (int l = 0; l < d; l++)
        {
            double width = box.Upper[l] - box.Lower[l];
            double half = 0.5 * length * Math.Exp(Math.Log(lengthScales[l]) - logMean) * width;
            lower[l] = Math.Max(box.Lower[l], centre[l] - half);
            upper[l] = Math.Min(box.Upper[l], centre[l] + half);
            // A region flat against a bound in one input keeps a sliver of width, so Sobol' can draw in it.
            if (upper[l] <= lower[l])
                upper[l] = Math.Min(box.Upper[l], lower[l] + 1e-12 * width);
        }
        return new Box(lower, upper);
    }

    public static PointSet Draw(Box region, ReadOnlySpan<double> centre, int count, DeterministicRandom random)
    {
        int d = region.Dimension;
        var candidates = SpaceFilling.Candidates(region, count, random.NextUInt64());
        double probability = Math.Min(20.0 / d, 1);
        if (probability >= 1)
            return candidates;
        for (int i = 0; i < count; i++)
        {
            var row = candidates[i];
            int kept = 0;
            for (int l = 0; l < d; l++)
            {
                if (random.NextDouble() >= probability)
                {
                    row[l] = centre[l];
                    kept++;
                }
            }
            if (kept == d)
            {
                int l = random.NextInt(d);
                row[l] = region.Lower[l] + (region.Upper[l] - region.Lower[l]) * random.NextDouble();
            }
        }
        return candidates;
    }
}
