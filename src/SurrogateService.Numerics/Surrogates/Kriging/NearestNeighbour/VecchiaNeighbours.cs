using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The conditioning sets of the Vecchia approximation: the training points in a coarse-to-fine
/// order (<see cref="ScaledKdTree.Order"/>) and, for each, its m nearest predecessors in the
/// θ-scaled space. The k-th point of the order has min(k, m) of them.
/// </summary>
internal sealed class VecchiaNeighbours
{
    private readonly int[] _neighbours;
    private readonly int[] _counts;

    public VecchiaNeighbours(PointSet points, ReadOnlySpan<double> theta, ReadOnlySpan<double> p, int m, CancellationToken cancellationToken)
    {
        int n = points.Count;
        var tree = new ScaledKdTree(ScaledPoints.Scale(points, theta, p), points.Dimension);
        Tree = tree;
        Order = tree.Order;
        Size = Math.Min(m, Math.Max(n - 1, 1));
        int size = Size;
        _neighbours = new int[checked(n * size)];
        _counts = new int[n];
        // The points in the tree's layout rather than in the order: one search after another then stays in one region of the
        // space, and finds the nodes it shares with the last still in the cache (the lists do not depend on the order of the searches).
        Parallel.For(0, (n + ChunkSize - 1) / ChunkSize, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var distances = new double[size];
            for (int position = chunk * ChunkSize; position < Math.Min(n, (chunk + 1) * ChunkSize); position++)
            {
                int point = tree.Layout[position], k = tree.RankOf(point);
                _counts[k] = tree.Nearest(tree.Point(point), k, _neighbours.AsSpan(k * size, size), distances);
            }
        });
    }

    /// <summary>Points per parallel work item of the searches and of the likelihood.</summary>
    public const int ChunkSize = 512;

    /// <summary>The k-d tree of the points in the θ-scaled space, which the model's predictions search too.</summary>
    public ScaledKdTree Tree { get; }

    /// <summary>Training-point indices in the order of the approximation.</summary>
    public int[] Order { get; }

    /// <summary>m, the most neighbours any point has.</summary>
    public int Size { get; }

    public int Count => Order.Length;

    /// <summary>
    /// The position in the order of the point at <paramref name="position"/> of the tree's layout (<see cref="ScaledKdTree.Layout"/>):
    /// work over the points in this sequence finds the neighbours of one point still in the cache from the last.
    /// </summary>
    public int RankInLayout(int position) => Tree.RankOf(Tree.Layout[position]);

    /// <summary>The conditioning set of the k-th point of the order (training-point indices).</summary>
    public ReadOnlySpan<int> Of(int k) => _neighbours.AsSpan(k * Size, _counts[k]);
}
