namespace SurrogateService.Numerics.MultiObjective;

/// <summary>The reference point of the hypervolume: derived from a front, or checked against one.</summary>
public static class ReferencePoint
{
    /// <summary>The share of the front's range by which a derived reference lies beyond its nadir.</summary>
    public const double Margin = 0.1;

    /// <summary>
    /// The nadir of the front (its worst value in each objective) plus 10 % of the front's range
    /// (nadir − ideal) in each objective; where the range is 0 (one point), plus 10 % of |nadir|, or
    /// 0.1 when that is 0 too. Every front point is then strictly better than the reference, so each
    /// contributes to the hypervolume, the extreme ones included.
    /// </summary>
    public static double[] Derive(IReadOnlyList<double[]> front)
    {
        ArgumentNullException.ThrowIfNull(front);
        if (front.Count == 0)
            throw new ArgumentException("A reference point needs at least one front point.", nameof(front));
        int m = front[0].Length;
        var reference = new double[m];
        for (int k = 0; k < m; k++)
        {
            double nadir = front.Max(p => p[k]), ideal = front.Min(p => p[k]);
            double range = nadir - ideal;
            double offset = range > 0 ? Margin * range : Math.Abs(nadir) > 0 ? Margin * Math.Abs(nadir) : Margin;
            reference[k] = nadir + offset;
        }
        return reference;
    }

    /// <summary>The index of the first front point that is not strictly better than the reference in every objective, or −1 when the reference bounds the whole front.</summary>
    public static int FirstNotBounded(IReadOnlyList<double[]> front, ReadOnlySpan<double> reference)
    {
        ArgumentNullException.ThrowIfNull(front);
        for (int i = 0; i < front.Count; i++)
        {
            for (int k = 0; k < reference.Length; k++)
            {
                if (!(front[i][k] < reference[k]))
                    return i;
            }
        }
        return -1;
    }
}
