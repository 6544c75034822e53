using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A binary regression tree in flat arrays: node k tests x[Feature[k]] ≤ Threshold[k] and goes to
/// Left[k] or Right[k]; a leaf has Feature −1 and predicts Value[k]. Children always come after their
/// parent, so a walk ends even when the tree was read back from a client's document.
/// </summary>
internal sealed class RegressionTree
{
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;

    public RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
    }

    public int NodeCount => _feature.Length;

    public int LeafCount => _feature.Count(f => f < 0);

    public double Predict(ReadOnlySpan<double> point)
    {
        int node = 0;
        while (_feature[node] >= 0)
            node = point[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        return _value[node];
    }

    public void Predict(PointSet points, Span<double> values)
    {
        for (int i = 0; i < points.Count; i++)
            values[i] = Predict(points[i]);
    }

    public static string ParameterName(int tree) => string.Create(CultureInfo.InvariantCulture, $"tree{tree}");

    /// <summary>Four numbers per node: (feature, threshold, left, right) for a split, (−1, value, 0, 0) for a leaf.</summary>
    public double[] Export()
    {
        var flat = new double[4 * NodeCount];
        for (int k = 0; k < NodeCount; k++)
        {
            bool leaf = _feature[k] < 0;
            flat[4 * k] = _feature[k];
            flat[4 * k + 1] = leaf ? _value[k] : _threshold[k];
            flat[4 * k + 2] = leaf ? 0 : _left[k];
            flat[4 * k + 3] = leaf ? 0 : _right[k];
        }
        return flat;
    }

    /// <exception cref="SurrogateFitException">The array is missing or does not describe a tree over this many inputs; the field is "parameters.tree{t}".</exception>
    public static RegressionTree Import(IReadOnlyDictionary<string, double[]> parameters, int tree, int dimension)
    {
        string name = ParameterName(tree);
        if (!parameters.TryGetValue(name, out var flat) || flat is null)
            throw new SurrogateFitException($"The model parameter '{name}' is missing.") { Field = "parameters." + name };
        if (flat.Length == 0 || flat.Length % 4 != 0)
            throw Invalid(name, "must hold four numbers per node");
        int count = flat.Length / 4;
        var feature = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var right = new int[count];
        var value = new double[count];
        for (int k = 0; k < count; k++)
        {
            if (!Array.TrueForAll(flat[(4 * k)..(4 * k + 4)], double.IsFinite))
                throw Invalid(name, $"has a non-finite number at node {k}");
            feature[k] = WholeNumber(flat[4 * k], -1, dimension - 1, name, k);
            if (feature[k] < 0)
            {
                value[k] = flat[4 * k + 1];
                continue;
            }
            threshold[k] = flat[4 * k + 1];
            left[k] = WholeNumber(flat[4 * k + 2], k + 1, count - 1, name, k);
            right[k] = WholeNumber(flat[4 * k + 3], k + 1, count - 1, name, k);
        }
        return new RegressionTree(feature, threshold, left, right, value);
    }

    private static int WholeNumber(double x, int minimum, int maximum, string name, int node) =>
        x == Math.Floor(x) && x >= minimum && x <= maximum
            ? (int)x
            : throw Invalid(name, $"has {x.ToString(CultureInfo.InvariantCulture)} at node {node} where a whole number from {minimum} to {maximum} belongs");

    private static SurrogateFitException Invalid(string name, string why) =>
        new($"The model parameter '{name}' {why}.") { Field = "parameters." + name };
}
