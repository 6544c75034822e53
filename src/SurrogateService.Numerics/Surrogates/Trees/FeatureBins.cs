using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Each input cut into at most 255 bins at quantiles of the training values (as LightGBM and
/// scikit-learn's HistGradientBoostingRegressor do), so that a split search scans bins instead of
/// sorting: the cost of a node falls from O(n log n) to O(n + bins) per input.
/// </summary>
/// <remarks>
/// A value x falls in bin b = the number of edges below x, so "bin ≤ b" and "x ≤ edge b" are the
/// same test: a tree trained on bins predicts from raw coordinates with the edges as thresholds.
/// Edges lie halfway between neighbouring distinct training values, where an exact split would cut.
/// </remarks>
internal sealed class FeatureBins
{
    public const int MaximumBins = 255;

    private readonly double[][] _edges;

    private FeatureBins(double[][] edges, byte[] binned, int count)
    {
        _edges = edges;
        Binned = binned;
        Count = count;
    }

    public int Count { get; }

    public int Dimension => _edges.Length;

    /// <summary>Bin of row i in input f at [f·Count + i] (column-major: a split search walks one input).</summary>
    public byte[] Binned { get; }

    public int BinCount(int feature) => _edges[feature].Length + 1;

    /// <summary>The coordinate threshold of "bin ≤ b".</summary>
    public double Edge(int feature, int bin) => _edges[feature][bin];

    public static FeatureBins Build(PointSet points, int maximumBins)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumBins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maximumBins, MaximumBins);
        int n = points.Count, d = points.Dimension;
        var edges = new double[d][];
        var binned = new byte[checked(n * d)];
        var column = new double[n];
        for (int f = 0; f < d; f++)
        {
            for (int i = 0; i < n; i++)
                column[i] = points[i][f];
            var sorted = (double[])column.Clone();
            Array.Sort(sorted);
            edges[f] = EdgesOf(sorted, maximumBins);
            for (int i = 0; i < n; i++)
                binned[f * n + i] = (byte)BinOf(edges[f], column[i]);
        }
        return new FeatureBins(edges, binned, n);
    }

    /// <summary>Number of edges strictly below x.</summary>
    public static int BinOf(double[] edges, double x)
    {
        int low = 0, high = edges.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (edges[middle] < x)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static double[] EdgesOf(double[] sorted, int maximumBins)
    {
        var distinct = new List<double>();
        foreach (double value in sorted)
        {
            if (distinct.Count == 0 || value > distinct[^1])
                distinct.Add(value);
        }
        var edges = new List<double>();
        if (distinct.Count <= maximumBins)
        {
            for (int k = 0; k + 1 < distinct.Count; k++)
                edges.Add(Between(distinct[k], distinct[k + 1]));
            return [.. edges];
        }
        // Quantile k/bins of the data, then the cut just above that value.
        for (int k = 1; k < maximumBins; k++)
        {
            double value = sorted[(int)((long)k * sorted.Length / maximumBins)];
            int at = distinct.BinarySearch(value);
            if (at + 1 >= distinct.Count)
                continue;
            double edge = Between(distinct[at], distinct[at + 1]);
            if (edges.Count == 0 || edge > edges[^1])
                edges.Add(edge);
        }
        return [.. edges];
    }

    /// <summary>The midpoint of a &lt; b, kept below b when rounding would land on it (then a itself separates them).</summary>
    private static double Between(double a, double b)
    {
        double middle = a + 0.5 * (b - a);
        return middle < b ? middle : a;
    }
}
