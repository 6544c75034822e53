using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Finds identical training points, which make interpolation systems singular.</summary>
internal static class DuplicatePointCheck
{
    /// <summary>
    /// Throws a <see cref="SurrogateFitException"/> naming the first pair of identical points
    /// (0-based indices). Sorting the indices lexicographically puts equal points next to each
    /// other, so this is O(n log n) rather than comparing every pair.
    /// </summary>
    public static void Reject(PointSet points, string reason)
    {
        var order = Enumerable.Range(0, points.Count).ToArray();
        Array.Sort(order, (a, b) => Compare(points, a, b));
        for (int i = 1; i < order.Length; i++)
        {
            if (Compare(points, order[i - 1], order[i]) == 0)
            {
                int first = Math.Min(order[i - 1], order[i]);
                int second = Math.Max(order[i - 1], order[i]);
                throw new SurrogateFitException(
                    $"Training points {first} and {second} (0-based) are identical; {reason} Remove or merge duplicate points.");
            }
        }
    }

    private static int Compare(PointSet points, int a, int b)
    {
        var x = points[a];
        var y = points[b];
        for (int j = 0; j < x.Length; j++)
        {
            int order = x[j].CompareTo(y[j]);
            if (order != 0)
                return order;
        }
        return 0;
    }
}
