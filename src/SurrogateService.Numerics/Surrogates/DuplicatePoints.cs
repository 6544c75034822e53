using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Finds training points with identical coordinates, which make interpolation systems singular.
/// Sorting the rows lexicographically puts equal rows next to each other: O(n log n · d).
/// </summary>
public static class DuplicatePoints
{
    /// <summary>Pairs (first index, later duplicate index), ordered by the later index.</summary>
    public static IReadOnlyList<(int First, int Duplicate)> Find(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var order = Enumerable.Range(0, points.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byCoordinates = points[a].SequenceCompareTo(points[b]);
            return byCoordinates != 0 ? byCoordinates : a.CompareTo(b);
        });
        var pairs = new List<(int, int)>();
        int groupStart = 0;
        for (int k = 1; k < order.Length; k++)
        {
            if (points[order[k]].SequenceEqual(points[order[groupStart]]))
                pairs.Add((order[groupStart], order[k]));
            else
                groupStart = k;
        }
        pairs.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return pairs;
    }

    /// <summary>Throws a <see cref="SurrogateFitException"/> naming the duplicated points (0-based), if there are any.</summary>
    public static void ThrowIfAny(PointSet points, string kindName)
    {
        var pairs = Find(points);
        if (pairs.Count == 0)
            return;
        const int shown = 5;
        string list = string.Join(", ", pairs.Take(shown).Select(p => $"{p.Duplicate} repeats {p.First}"));
        string more = pairs.Count > shown ? $" and {pairs.Count - shown} more" : "";
        throw new SurrogateFitException(
            $"Training points must be distinct for {kindName}: point {list}{more} (0-based indices). Remove or merge the duplicates.");
    }
}
