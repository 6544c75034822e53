using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The evaluations of a request sorted out: the successful ones form the training set (exact
/// duplicates merged into their mean, since most surrogates cannot take repeated points), the
/// failed ones (NaN) are only places to keep away from.
/// </summary>
internal sealed class KnownData
{
    private KnownData(Box box, PointSet all, TrainingSet? training, PointSet failed, Incumbent? incumbent, IReadOnlyList<string> warnings)
    {
        Box = box;
        All = all;
        Training = training;
        Failed = failed;
        Incumbent = incumbent;
        Warnings = warnings;
    }

    public Box Box { get; }

    /// <summary>Every known point, failed ones included.</summary>
    public PointSet All { get; }

    /// <summary>The successful evaluations, duplicates merged; null when none succeeded.</summary>
    public TrainingSet? Training { get; }

    public PointSet Failed { get; }

    public Incumbent? Incumbent { get; }

    public IReadOnlyList<string> Warnings { get; }

    public int Dimension => Box.Dimension;

    public static KnownData From(SuggestionRequest request)
    {
        int d = request.Box.Dimension;
        var succeeded = new Dictionary<PointKey, (int Index, double Sum, int Count)>();
        var order = new List<PointKey>();
        var failed = new List<double[]>();
        Incumbent? incumbent = null;
        for (int i = 0; i < request.Points.Count; i++)
        {
            double value = request.Values[i];
            double[] point = request.Points[i].ToArray();
            if (double.IsNaN(value))
            {
                failed.Add(point);
                continue;
            }
            var key = new PointKey(point);
            if (succeeded.TryGetValue(key, out var entry))
            {
                succeeded[key] = (entry.Index, entry.Sum + value, entry.Count + 1);
            }
            else
            {
                succeeded[key] = (order.Count, value, 1);
                order.Add(key);
            }
            // Ties keep the earliest point, so the incumbent does not depend on later duplicates.
            if (incumbent is null || value < incumbent.Value)
                incumbent = new Incumbent(point, value);
        }

        var warnings = new List<string>();
        int merged = request.Points.Count - failed.Count - order.Count;
        if (merged > 0)
            warnings.Add($"{merged} repeated point(s) were merged into the mean of their values before fitting.");
        TrainingSet? training = null;
        if (order.Count > 0)
        {
            var points = new PointSet(order.Count, d);
            var values = new double[order.Count];
            for (int k = 0; k < order.Count; k++)
            {
                var (_, sum, count) = succeeded[order[k]];
                order[k].Coordinates.CopyTo(points[k]);
                values[k] = sum / count;
            }
            training = new TrainingSet(points, values, request.Box);
        }
        var failedSet = new PointSet(failed.Count, d);
        for (int k = 0; k < failed.Count; k++)
            failed[k].CopyTo(failedSet[k]);
        return new KnownData(request.Box, request.Points, training, failedSet, incumbent, warnings);
    }

    /// <summary>Value equality of coordinate arrays, for merging exact duplicates.</summary>
    private readonly struct PointKey(double[] coordinates) : IEquatable<PointKey>
    {
        public double[] Coordinates { get; } = coordinates;

        public bool Equals(PointKey other) => Coordinates.AsSpan().SequenceEqual(other.Coordinates);

        public override bool Equals(object? obj) => obj is PointKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (double x in Coordinates)
                hash.Add(x);
            return hash.ToHashCode();
        }
    }
}
