using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Picks a well-spread subset of training points by greedy farthest-point (maximin) selection, in
/// coordinates scaled by the design box so that every dimension counts alike.
/// </summary>
/// <remarks>
/// The first point is the one nearest the centre of the box; each next one is the point farthest
/// from those already chosen (ties to the lowest index), so the subset covers the design like a
/// coarser version of it, whatever order the points came in. O(n·m·d) for m of n points.
/// </remarks>
internal static class SpaceFillingSubset
{
    /// <summary>Indices of <paramref name="count"/> points of <paramref name="points"/>, in the order chosen.</summary>
    public static int[] Select(PointSet points, Box box, int count)
    {
        int n = points.Count, d = points.Dimension;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        var scale = new double[d];
        var centre = new double[d];
        for (int l = 0; l < d; l++)
        {
            scale[l] = 1 / (box.Upper[l] - box.Lower[l]);
            centre[l] = 0.5 * (box.Lower[l] + box.Upper[l]);
        }
        double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            double sum = 0;
            for (int l = 0; l < d; l++)
            {
                double difference = (a[l] - b[l]) * scale[l];
                sum += difference * difference;
            }
            return sum;
        }

        // Nearest distance of every point to the subset so far; the first pick is nearest the centre.
        var nearest = new double[n];
        for (int i = 0; i < n; i++)
            nearest[i] = -SquaredDistance(points[i], centre);
        var chosen = new int[count];
        for (int k = 0; k < count; k++)
        {
            int pick = 0;
            for (int i = 1; i < n; i++)
            {
                if (nearest[i] > nearest[pick])
                    pick = i;
            }
            chosen[k] = pick;
            for (int i = 0; i < n; i++)
            {
                double distance = SquaredDistance(points[i], points[pick]);
                nearest[i] = k == 0 ? distance : Math.Min(nearest[i], distance);
            }
        }
        return chosen;
    }
}
