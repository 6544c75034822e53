using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Grows one least-squares regression tree on binned inputs, best split first: the leaf whose best
/// split reduces the weighted squared error most is split next, until no leaf can be split or the leaf
/// limit is reached (LightGBM's leaf-wise growth, which scikit-learn's HistGradientBoostingRegressor
/// shares; without a leaf limit it gives the same tree as depth-first growth).
/// </summary>
/// <remarks>
/// Rows carry weights (a bootstrap's counts; 1 in boosting). The minimum leaf size counts rows, not
/// weight, as scikit-learn's min_samples_leaf does. When the inputs drawn for a split cannot split a
/// node, the others are tried in random order before the node becomes a leaf, as scikit-learn's trees do
/// ("the search for a split does not stop until at least one valid partition of the node samples is
/// found", RandomForestRegressor's max_features documentation).
/// </remarks>
internal sealed class TreeGrower
{
    private readonly FeatureBins _bins;
    private readonly TreeSettings _settings;
    private readonly double[] _histogramWeight = new double[FeatureBins.MaximumBins + 1];
    private readonly double[] _histogramSum = new double[FeatureBins.MaximumBins + 1];
    private readonly int[] _histogramCount = new int[FeatureBins.MaximumBins + 1];

    public TreeGrower(FeatureBins bins, TreeSettings settings)
    {
        _bins = bins;
        _settings = settings;
    }

    /// <summary>
    /// Grows a tree on <paramref name="rows"/> (reordered in place), fitting <paramref name="targets"/> with optional
    /// <paramref name="weights"/>; <paramref name="leafValue"/> scales every leaf (a boosting step's shrinkage).
    /// <paramref name="fitted"/>, when given, receives the leaf value of every row grown on.
    /// </summary>
    public RegressionTree Grow(int[] rows, double[] targets, int[]? weights, DeterministicRandom random, double leafValue = 1, double[]? fitted = null)
    {
        var nodes = new List<Node>();
        var frontier = new PriorityQueue<int, (double NegativeGain, int Node)>();
        nodes.Add(NewNode(rows, 0, rows.Length, 0, targets, weights, random));
        Enqueue(frontier, nodes, 0);
        int leaves = 1;
        while (frontier.Count > 0 && (_settings.MaximumLeaves == 0 || leaves < _settings.MaximumLeaves))
        {
            int k = frontier.Dequeue();
            var node = nodes[k];
            int middle = Partition(rows, node.Start, node.End, node.Split!.Value.Feature, node.Split.Value.Bin);
            node.Left = nodes.Count;
            nodes.Add(NewNode(rows, node.Start, middle, node.Depth + 1, targets, weights, random));
            node.Right = nodes.Count;
            nodes.Add(NewNode(rows, middle, node.End, node.Depth + 1, targets, weights, random));
            Enqueue(frontier, nodes, node.Left);
            Enqueue(frontier, nodes, node.Right);
            leaves++;
        }
        return Build(nodes, rows, leafValue, fitted);
    }

    private static void Enqueue(PriorityQueue<int, (double, int)> frontier, List<Node> nodes, int k)
    {
        if (nodes[k].Split is { } split)
            frontier.Enqueue(k, (-split.Gain, k));
    }

    private RegressionTree Build(List<Node> nodes, int[] rows, double leafValue, double[]? fitted)
    {
        int count = nodes.Count;
        var feature = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        for (int k = 0; k < count; k++)
        {
            var node = nodes[k];
            if (node.Left > 0)
            {
                var split = node.Split!.Value;
                feature[k] = split.Feature;
                threshold[k] = _bins.Edge(split.Feature, split.Bin);
                left[k] = node.Left;
                right[k] = node.Right;
                continue;
            }
            feature[k] = -1;
            value[k] = leafValue * node.Sum / (node.Weight + _settings.L2Regularisation);
            if (fitted is not null)
            {
                for (int i = node.Start; i < node.End; i++)
                    fitted[rows[i]] = value[k];
            }
        }
        return new RegressionTree(feature, threshold, left, right, value);
    }

    private Node NewNode(int[] rows, int start, int end, int depth, double[] targets, int[]? weights, DeterministicRandom random)
    {
        double weight = 0, sum = 0, squares = 0;
        for (int i = start; i < end; i++)
        {
            int row = rows[i];
            double w = weights is null ? 1 : weights[row];
            weight += w;
            sum += w * targets[row];
            squares += w * targets[row] * targets[row];
        }
        var node = new Node(start, end, depth, weight, sum, squares);
        bool mayGrow = (_settings.MaximumDepth == 0 || depth < _settings.MaximumDepth) && end - start >= 2 * _settings.MinimumLeafSize;
        if (mayGrow)
            node.Split = BestSplit(node, rows, targets, weights, random);
        return node;
    }

    private Split? BestSplit(Node node, int[] rows, double[] targets, int[]? weights, DeterministicRandom random)
    {
        int d = _bins.Dimension;
        Span<int> order = d <= 256 ? stackalloc int[d] : new int[d];
        for (int f = 0; f < d; f++)
            order[f] = f;
        if (_settings.FeaturesPerSplit < d)
            random.Shuffle(order);
        Split? best = null;
        for (int tried = 0; tried < d; tried++)
        {
            if (tried >= _settings.FeaturesPerSplit && best is not null)
                break;
            var candidate = BestSplitOn(order[tried], node, rows, targets, weights);
            if (candidate is { } c && (best is null || c.Gain > best.Value.Gain))
                best = c;
        }
        return best;
    }

    private Split? BestSplitOn(int feature, Node node, int[] rows, double[] targets, int[]? weights)
    {
        int binCount = _bins.BinCount(feature);
        if (binCount < 2)
            return null;
        var histogramWeight = _histogramWeight.AsSpan(0, binCount);
        var histogramSum = _histogramSum.AsSpan(0, binCount);
        var histogramCount = _histogramCount.AsSpan(0, binCount);
        histogramWeight.Clear();
        histogramSum.Clear();
        histogramCount.Clear();
        var column = _bins.Binned.AsSpan(feature * _bins.Count, _bins.Count);
        for (int i = node.Start; i < node.End; i++)
        {
            int row = rows[i];
            int bin = column[row];
            double w = weights is null ? 1 : weights[row];
            histogramWeight[bin] += w;
            histogramSum[bin] += w * targets[row];
            histogramCount[bin]++;
        }
        double lambda = _settings.L2Regularisation;
        double parentScore = node.Sum * node.Sum / (node.Weight + lambda);
        int rowCount = node.End - node.Start, minimum = _settings.MinimumLeafSize;
        double leftWeight = 0, leftSum = 0;
        int leftCount = 0;
        Split? best = null;
        for (int bin = 0; bin + 1 < binCount; bin++)
        {
            leftWeight += histogramWeight[bin];
            leftSum += histogramSum[bin];
            leftCount += histogramCount[bin];
            if (leftCount < minimum)
                continue;
            if (rowCount - leftCount < minimum)
                break;
            if (histogramCount[bin] == 0)
                continue;
            double rightWeight = node.Weight - leftWeight, rightSum = node.Sum - leftSum;
            double gain = leftSum * leftSum / (leftWeight + lambda) + rightSum * rightSum / (rightWeight + lambda) - parentScore;
            // A relative floor: rounding in the sums must not split a node whose values are all equal.
            if (gain > 1e-12 * node.SumOfSquares + double.Epsilon && (best is null || gain > best.Value.Gain))
                best = new Split(feature, bin, gain);
        }
        return best;
    }

    private int Partition(int[] rows, int start, int end, int feature, int bin)
    {
        var column = _bins.Binned.AsSpan(feature * _bins.Count, _bins.Count);
        int i = start, j = end - 1;
        while (i <= j)
        {
            if (column[rows[i]] <= bin)
                i++;
            else
            {
                (rows[i], rows[j]) = (rows[j], rows[i]);
                j--;
            }
        }
        return i;
    }

    private readonly record struct Split(int Feature, int Bin, double Gain);

    private sealed class Node(int start, int end, int depth, double weight, double sum, double sumOfSquares)
    {
        public int Start { get; } = start;

        public int End { get; } = end;

        public int Depth { get; } = depth;

        public double Weight { get; } = weight;

        public double Sum { get; } = sum;

        public double SumOfSquares { get; } = sumOfSquares;

        public Split? Split { get; set; }

        public int Left { get; set; }

        public int Right { get; set; }
    }
}
