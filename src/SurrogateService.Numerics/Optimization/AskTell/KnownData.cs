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
    private KnownData(Box box, PointSet all, TrainingSet? training, TrainingSet[]? constraintTraining, PointSet failed,
        Incumbent? incumbent, bool[]? feasible, IReadOnlyList<string> warnings)
    {
        Box = box;
        All = all;
        Training = training;
        ConstraintTraining = constraintTraining;
        Failed = failed;
        Incumbent = incumbent;
        Feasible = feasible;
        Warnings = warnings;
    }

    public Box Box { get; }

    /// <summary>Every known point, failed ones included.</summary>
    public PointSet All { get; }

    /// <summary>The successful evaluations, duplicates merged; null when none succeeded.</summary>
    public TrainingSet? Training { get; }

    /// <summary>With constraints: per constraint, its values at the points of <see cref="Training"/>; otherwise null.</summary>
    public TrainingSet[]? ConstraintTraining { get; }

    public PointSet Failed { get; }

    /// <summary>The best successful evaluation; with constraints the best feasible one (null while none is feasible).</summary>
    public Incumbent? Incumbent { get; }

    /// <summary>With constraints: whether each known point succeeded with every constraint value ≤ 0; otherwise null.</summary>
    public bool[]? Feasible { get; }

    public IReadOnlyList<string> Warnings { get; }

    public int Dimension => Box.Dimension;

    /// <summary>
    /// Sorts the evaluations. With constraints a point whose value or any constraint value is NaN
    /// counts as failed; exact duplicates are merged into the mean of their values and constraint values.
    /// </summary>
    public static KnownData From(SuggestionRequest request)
    {
        int d = request.Box.Dimension;
        int m = request.ConstraintCount;
        var succeeded = new Dictionary<PointKey, (int Index, double Sum, double[] ConstraintSums, int Count)>();
        var order = new List<PointKey>();
        var failed = new List<double[]>();
        var gradientSums = new Dictionary<PointKey, (double[] Sum, int Count)>();
        bool[]? feasible = request.Constraints is null ? null : new bool[request.Points.Count];
        Incumbent? incumbent = null;
        for (int i = 0; i < request.Points.Count; i++)
        {
            double value = request.Values[i];
            double[] constraints = m > 0 ? request.Constraints![i] : [];
            double[] point = request.Points[i].ToArray();
            if (double.IsNaN(value) || Array.Exists(constraints, double.IsNaN))
            {
                failed.Add(point);
                continue;
            }
            var key = new PointKey(point);
            if (request.Gradients?[i] is { } gradient)
                gradientSums[key] = gradientSums.TryGetValue(key, out var known) ? (Add(known.Sum, gradient), known.Count + 1) : ((double[])gradient.Clone(), 1);
            if (succeeded.TryGetValue(key, out var entry))
            {
                for (int k = 0; k < m; k++)
                    entry.ConstraintSums[k] += constraints[k];
                succeeded[key] = (entry.Index, entry.Sum + value, entry.ConstraintSums, entry.Count + 1);
            }
            else
            {
                succeeded[key] = (order.Count, value, (double[])constraints.Clone(), 1);
                order.Add(key);
            }
            bool isFeasible = Array.TrueForAll(constraints, c => c <= 0);
            if (feasible is not null)
                feasible[i] = isFeasible;
            // Ties keep the earliest point, so the incumbent does not depend on later duplicates.
            if (isFeasible && (incumbent is null || value < incumbent.Value))
                incumbent = new Incumbent(point, value);
        }

        var warnings = new List<string>();
        int merged = request.Points.Count - failed.Count - order.Count;
        if (merged > 0)
            warnings.Add($"{merged} repeated point(s) were merged into the mean of their values before fitting.");
        TrainingSet? training = null;
        TrainingSet[]? constraintTraining = null;
        if (order.Count > 0)
        {
            var points = new PointSet(order.Count, d);
            var values = new double[order.Count];
            var constraintValues = new double[m][];
            for (int k = 0; k < m; k++)
                constraintValues[k] = new double[order.Count];
            for (int r = 0; r < order.Count; r++)
            {
                var (_, sum, constraintSums, count) = succeeded[order[r]];
                order[r].Coordinates.CopyTo(points[r]);
                values[r] = sum / count;
                for (int k = 0; k < m; k++)
                    constraintValues[k][r] = constraintSums[k] / count;
            }
            var gradients = gradientSums.Count == 0 ? null
                : order.Select(key => gradientSums.TryGetValue(key, out var sum) ? Array.ConvertAll(sum.Sum, g => g / sum.Count) : null).ToArray();
            training = new TrainingSet(points, values, request.Box, gradients: gradients);
            if (m > 0)
                constraintTraining = constraintValues.Select(v => new TrainingSet(points, v, request.Box)).ToArray();
        }
        var failedSet = new PointSet(failed.Count, d);
        for (int k = 0; k < failed.Count; k++)
            failed[k].CopyTo(failedSet[k]);
        return new KnownData(request.Box, request.Points, training, constraintTraining, failedSet, incumbent, feasible, warnings);
    }

    private static double[] Add(double[] sum, double[] term)
    {
        for (int l = 0; l < sum.Length; l++)
            sum[l] += term[l];
        return sum;
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
