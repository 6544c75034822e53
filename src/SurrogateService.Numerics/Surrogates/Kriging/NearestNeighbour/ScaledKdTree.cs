using System.Runtime.CompilerServices;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A k-d tree over points in a scaled space (coordinates x_l·θ_l^{1/p_l}, where the kernel's scaled
/// distance is Euclidean), whose nodes also give a coarse-to-fine order of the points.
/// </summary>
/// <remarks>
/// Each node holds one point of its cell, the point nearest the centre of the cell's bounding box;
/// the cell's other points are split at the median of its widest coordinate into the two children.
/// Breadth-first order of the nodes (<see cref="Order"/>) therefore starts with a point near the
/// centre, then one near the centre of each half, of each quarter, and so on: an approximation of
/// the maximin ordering of the Vecchia literature (Guinness 2018, Technometrics 60(4); Katzfuss,
/// Guinness &amp; Lawrence 2022, "Scaled Vecchia approximation for fast computer-model emulation"),
/// built in O(n·log n·d) instead of the exact ordering's nearest-neighbour bookkeeping.
/// Every point of a node at depth k comes before every point of depth k + 1, so a search for the
/// nearest points that come earlier in the order than a given one never descends below its depth.
/// </remarks>
internal sealed class ScaledKdTree
{
    private readonly int _dimension;
    // The tree is implicit in a permutation: the node of segment [first, end) of _points holds
    // _points[first]; its left child is [first + 1, _middle[first]), its right [_middle[first], end).
    private readonly int[] _points;
    private readonly int[] _middle;
    private readonly byte[] _splitDimension;
    private readonly double[] _splitValue;
    private readonly int[] _rank;
    // What a search reads of a node, by its position in _points rather than by point index: a subtree's nodes sit side by
    // side in memory (depth-first), so a search touches a few cache lines where the point order scattered it over the whole
    // array; at 10⁶ points the searches were bound by memory latency. _position maps a point back to its place.
    private readonly double[] _coordinates;
    private readonly int[] _rankAt;
    private readonly int[] _position;

    /// <param name="coordinates">n points of dimension <paramref name="dimension"/>, row-major, already scaled; copied into the tree's layout.</param>
    public ScaledKdTree(double[] coordinates, int dimension)
    {
        _dimension = dimension;
        int n = coordinates.Length / dimension;
        _points = new int[n];
        for (int i = 0; i < n; i++)
            _points[i] = i;
        _middle = new int[n];
        _splitDimension = new byte[n];
        _splitValue = new double[n];
        Build(coordinates, 0, n);
        Order = BreadthFirst(n);
        _rank = new int[n];
        for (int k = 0; k < n; k++)
            _rank[Order[k]] = k;
        _coordinates = new double[coordinates.Length];
        _rankAt = new int[n];
        _position = new int[n];
        for (int position = 0; position < n; position++)
        {
            int point = _points[position];
            coordinates.AsSpan(point * dimension, dimension).CopyTo(_coordinates.AsSpan(position * dimension, dimension));
            _rankAt[position] = _rank[point];
            _position[point] = position;
        }
    }

    public int Count => _points.Length;

    /// <summary>The point indices in coarse-to-fine (breadth-first) order.</summary>
    public int[] Order { get; }

    /// <summary>The position of point <paramref name="point"/> in <see cref="Order"/>.</summary>
    public int RankOf(int point) => _rank[point];

    public ReadOnlySpan<double> Point(int index) => _coordinates.AsSpan(_position[index] * _dimension, _dimension);

    /// <summary>
    /// The point indices in the tree's depth-first layout, where points near each other in the space mostly sit near each
    /// other: searches for them one after another find the nodes they share still in the cache.
    /// </summary>
    public ReadOnlySpan<int> Layout => _points;

    /// <summary>
    /// The (up to) <paramref name="neighbours"/>.Length points nearest <paramref name="query"/> among
    /// those of rank below <paramref name="rankLimit"/>, nearest first; returns how many were found.
    /// </summary>
    public int Nearest(ReadOnlySpan<double> query, int rankLimit, Span<int> neighbours, Span<double> squaredDistances, int excluded = -1)
    {
        var heap = new NeighbourHeap(neighbours, squaredDistances);
        Span<double> offsets = stackalloc double[_dimension];
        offsets.Clear();
        if (Count > 0)
            Search(0, Count, query, rankLimit, excluded, ref heap, offsets, 0);
        heap.SortAscending();
        return heap.Count;
    }

    /// <summary>
    /// Searches the cell of segment [first, end), whose points are at least √<paramref name="cellDistance"/> from the query:
    /// <paramref name="offsets"/> holds, per coordinate, the query's distance to the nearest splitting plane that separates it
    /// from the cell, and <paramref name="cellDistance"/> their sum of squares. A cell farther than the worst neighbour held
    /// is skipped. Why the sum and not only the last plane's distance: in 8 inputs the single plane prunes little, and the
    /// neighbour lists of 10⁵ borehole points took longer than a Vecchia likelihood evaluation (the incremental distance of
    /// Arya &amp; Mount 1993, "Algorithms for fast vector quantization"). Cells are skipped only when strictly farther, so
    /// the neighbours found are those of the single-plane test (ties within rounding of the bound aside).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(int first, int end, ReadOnlySpan<double> query, int rankLimit, int excluded, ref NeighbourHeap heap, scoped Span<double> offsets, double cellDistance)
    {
        if (first >= end)
            return;
        // Breadth-first order puts a node's whole subtree after it: nothing below is early enough.
        if (_rankAt[first] >= rankLimit)
            return;
        int node = _points[first];
        if (node != excluded)
            heap.Offer(node, SquaredDistance(query, first));
        int middle = _middle[first];
        int split = _splitDimension[first];
        double difference = query[split] - _splitValue[first];
        (int nearFirst, int nearEnd, int farFirst, int farEnd) = difference < 0
            ? (first + 1, middle, middle, end)
            : (middle, end, first + 1, middle);
        Search(nearFirst, nearEnd, query, rankLimit, excluded, ref heap, offsets, cellDistance);
        double previous = offsets[split];
        double farDistance = cellDistance - previous * previous + difference * difference;
        if (heap.IsFull && farDistance > heap.Worst)
            return;
        offsets[split] = difference;
        Search(farFirst, farEnd, query, rankLimit, excluded, ref heap, offsets, farDistance);
        offsets[split] = previous;
    }

    private double SquaredDistance(ReadOnlySpan<double> query, int position)
    {
        ReadOnlySpan<double> x = _coordinates.AsSpan(position * _dimension, _dimension);
        double sum = 0;
        for (int l = 0; l < x.Length; l++)
        {
            double difference = query[l] - x[l];
            sum += difference * difference;
        }
        return sum;
    }

    private void Build(double[] coordinates, int first, int end)
    {
        var pending = new Stack<(int First, int End)>();
        pending.Push((first, end));
        Span<double> lower = stackalloc double[_dimension];
        Span<double> upper = stackalloc double[_dimension];
        while (pending.Count > 0)
        {
            (first, end) = pending.Pop();
            Bounds(coordinates, first, end, lower, upper);
            int centre = NearestToCentre(coordinates, first, end, lower, upper);
            (_points[first], _points[centre]) = (_points[centre], _points[first]);
            int rest = first + 1;
            if (end - rest == 0)
            {
                _middle[first] = rest;
                continue;
            }
            int widest = 0;
            for (int l = 1; l < _dimension; l++)
            {
                if (upper[l] - lower[l] > upper[widest] - lower[widest])
                    widest = l;
            }
            int middle = rest + (end - rest) / 2;
            Select(coordinates, rest, end, middle, widest);
            _middle[first] = middle;
            _splitDimension[first] = (byte)widest;
            _splitValue[first] = coordinates[_points[middle] * _dimension + widest];
            pending.Push((middle, end));
            if (middle > rest)
                pending.Push((rest, middle));
        }
    }

    private void Bounds(double[] coordinates, int first, int end, Span<double> lower, Span<double> upper)
    {
        lower.Fill(double.PositiveInfinity);
        upper.Fill(double.NegativeInfinity);
        for (int k = first; k < end; k++)
        {
            ReadOnlySpan<double> x = coordinates.AsSpan(_points[k] * _dimension, _dimension);
            for (int l = 0; l < _dimension; l++)
            {
                lower[l] = Math.Min(lower[l], x[l]);
                upper[l] = Math.Max(upper[l], x[l]);
            }
        }
    }

    private int NearestToCentre(double[] coordinates, int first, int end, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        int best = first;
        double bestDistance = double.PositiveInfinity;
        for (int k = first; k < end; k++)
        {
            ReadOnlySpan<double> x = coordinates.AsSpan(_points[k] * _dimension, _dimension);
            double sum = 0;
            for (int l = 0; l < _dimension; l++)
            {
                double difference = x[l] - 0.5 * (lower[l] + upper[l]);
                sum += difference * difference;
            }
            if (sum < bestDistance)
            {
                bestDistance = sum;
                best = k;
            }
        }
        return best;
    }

    /// <summary>Quickselect: afterwards position <paramref name="target"/> holds the point of its rank in coordinate l, smaller ones before, larger after.</summary>
    private void Select(double[] coordinates, int first, int end, int target, int l)
    {
        int low = first, high = end - 1;
        while (high > low)
        {
            double pivot = Coordinate(coordinates, low + (high - low) / 2, l);
            int i = low, j = high;
            while (i <= j)
            {
                while (Coordinate(coordinates, i, l) < pivot)
                    i++;
                while (Coordinate(coordinates, j, l) > pivot)
                    j--;
                if (i <= j)
                {
                    (_points[i], _points[j]) = (_points[j], _points[i]);
                    i++;
                    j--;
                }
            }
            if (target <= j)
                high = j;
            else if (target >= i)
                low = i;
            else
                return;
        }
    }

    private double Coordinate(double[] coordinates, int position, int l) => coordinates[_points[position] * _dimension + l];

    private int[] BreadthFirst(int n)
    {
        var order = new int[n];
        if (n == 0)
            return order;
        var level = new Queue<(int First, int End)>();
        level.Enqueue((0, n));
        int k = 0;
        while (level.Count > 0)
        {
            var (first, end) = level.Dequeue();
            order[k++] = _points[first];
            int middle = _middle[first];
            if (middle > first + 1)
                level.Enqueue((first + 1, middle));
            if (end > middle)
                level.Enqueue((middle, end));
        }
        return order;
    }
}
