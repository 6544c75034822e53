namespace SurrogateService.Numerics.MultiObjective;

/// <summary>
/// The hypervolume indicator (Zitzler &amp; Thiele 1998): the measure of the region that a set of
/// objective vectors dominates and that dominates the reference point, for minimisation.
/// Computed exactly by slicing along the last objective (hypervolume by slicing objectives,
/// While et al. 2006, IEEE TEC 10(1)): O(n^(m−1) log n) for m objectives, ample for m ≤ 4 and the
/// few hundred points an ask–tell request carries.
/// </summary>
public static class Hypervolume
{
    public static double Of(IReadOnlyList<double[]> values, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Only vectors strictly better than the reference in every objective contribute.
        var inside = new List<double[]>();
        foreach (var v in values)
        {
            if (v.Length != reference.Length)
                throw new ArgumentException("Every vector needs one value per objective of the reference point.", nameof(values));
            bool strictlyBetter = true;
            for (int k = 0; k < v.Length && strictlyBetter; k++)
                strictlyBetter = v[k] < reference[k];
            if (strictlyBetter)
                inside.Add(v);
        }
        return Slice(inside, reference.ToArray(), reference.Length);
    }

    private static double Slice(List<double[]> points, double[] reference, int objectives)
    {
        if (points.Count == 0)
            return 0;
        int last = objectives - 1;
        if (objectives == 1)
            return reference[0] - points.Min(p => p[0]);
        if (objectives == 2)
            return TwoDimensional(points, reference);
        // Sweep the last objective upwards: between consecutive values the slice's cross-section
        // is the (m−1)-dimensional hypervolume of the points already passed.
        var sorted = points.OrderBy(p => p[last]).ToList();
        double volume = 0;
        var passed = new List<double[]>();
        for (int i = 0; i < sorted.Count; i++)
        {
            passed.Add(sorted[i]);
            double top = i + 1 < sorted.Count ? sorted[i + 1][last] : reference[last];
            double depth = top - sorted[i][last];
            if (depth > 0)
                volume += depth * Slice(passed, reference, last);
        }
        return volume;
    }

    private static double TwoDimensional(List<double[]> points, double[] reference)
    {
        var sorted = points.OrderBy(p => p[0]).ThenBy(p => p[1]).ToList();
        double volume = 0, lowestSecond = reference[1];
        foreach (var p in sorted)
        {
            if (p[1] < lowestSecond)
            {
                volume += (reference[0] - p[0]) * (lowestSecond - p[1]);
                lowestSecond = p[1];
            }
        }
        return volume;
    }
}
