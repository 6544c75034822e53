using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Chooses C, ε and γ by k-fold cross-validation over a grid (each given hyperparameter is held at its value).
/// The grid is scaled to the data: C and ε by the standard deviation s of the values, γ by the dimension d of
/// the unit cube (squared distances there grow like d): C ∈ {1, 10, 100}·s, ε ∈ {0.001, 0.01, 0.1}·s,
/// γ ∈ {1, 4, 16, 64}/d. One kernel matrix per γ serves every fold and every (C, ε).
/// </summary>
internal static class SupportVectorSearch
{
    /// <summary>The search runs on at most this many well-spread points; the final fit uses them all.</summary>
    public const int MaximumSearchPoints = 400;

    private static readonly double[] CGrid = [1, 10, 100];
    private static readonly double[] EpsilonGrid = [0.001, 0.01, 0.1];
    private static readonly double[] GammaGrid = [1, 4, 16, 64];

    public static SupportVectorSettings Choose(TrainingSet data, double? c, double? epsilon, double? gamma, int folds, ulong seed, CancellationToken cancellationToken)
    {
        double spread = Spread(data.Values);
        var cs = c is double fixedC ? [fixedC] : CGrid.Select(v => v * spread).ToArray();
        var epsilons = epsilon is double fixedEpsilon ? [fixedEpsilon] : EpsilonGrid.Select(v => v * spread).ToArray();
        var gammas = gamma is double fixedGamma ? [fixedGamma] : GammaGrid.Select(v => v / data.Dimension).ToArray();
        if (cs.Length * epsilons.Length * gammas.Length == 1)
            return new SupportVectorSettings(cs[0], epsilons[0], gammas[0]);

        var rows = data.Count <= MaximumSearchPoints
            ? Enumerable.Range(0, data.Count).ToArray()
            : SpaceFillingSubset.Select(data.Points, data.Box, MaximumSearchPoints);
        var subset = KFoldCrossValidation.Subset(data, rows);
        var unit = RbfKernel.UnitPoints(subset);
        SupportVectorSettings? best = null;
        double bestError = double.PositiveInfinity;
        foreach (double g in gammas)
        {
            var kernel = RbfKernel.Matrix(unit, subset.Count, subset.Dimension, g);
            foreach (double cValue in cs)
            {
                foreach (double e in epsilons)
                {
                    var settings = new SupportVectorSettings(cValue, e, g);
                    double error = CrossValidationRmse(kernel, subset.Values, settings, Math.Min(folds, subset.Count), seed, SupportVectorKind.SearchTolerance, cancellationToken);
                    // Strictly lower wins, so ties keep the earlier (smaller C, smaller ε) setting.
                    if (error < bestError)
                    {
                        bestError = error;
                        best = settings;
                    }
                }
            }
        }
        return best ?? new SupportVectorSettings(cs[0], epsilons[0], gammas[0]);
    }

    /// <summary>
    /// One setting without a search, the middle of the grid for C and ε (C = 10·s, ε = 0.01·s) and γ by the median
    /// heuristic, 1/median‖u_i − u_j‖² over pairs of (at most <see cref="MaximumSearchPoints"/> well-spread) unit-cube
    /// points: the kernel is then exp(−1) at the typical distance between points, neither flat nor spiky (Garreau,
    /// Jitkrittum &amp; Kanagawa 2017, "Large sample analysis of the median heuristic", study this choice).
    /// Each is computed only when asked for.
    /// </summary>
    public static (Lazy<double> C, Lazy<double> Epsilon, Lazy<double> Gamma) Heuristic(TrainingSet data)
    {
        double spread = Spread(data.Values);
        return (new Lazy<double>(() => 10 * spread), new Lazy<double>(() => 0.01 * spread), new Lazy<double>(() => MedianHeuristicGamma(data)));
    }

    private static double MedianHeuristicGamma(TrainingSet data)
    {
        var rows = data.Count <= MaximumSearchPoints
            ? Enumerable.Range(0, data.Count).ToArray()
            : SpaceFillingSubset.Select(data.Points, data.Box, MaximumSearchPoints);
        var subset = KFoldCrossValidation.Subset(data, rows);
        var unit = RbfKernel.UnitPoints(subset);
        int n = subset.Count, d = subset.Dimension;
        var squared = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double sum = 0;
                for (int l = 0; l < d; l++)
                {
                    double difference = unit[i * d + l] - unit[j * d + l];
                    sum += difference * difference;
                }
                squared.Add(sum);
            }
        }
        squared.Sort();
        double median = squared.Count % 2 == 1 ? squared[squared.Count / 2] : 0.5 * (squared[squared.Count / 2 - 1] + squared[squared.Count / 2]);
        // Duplicate points only (median 0): the grid's middle, 4/d.
        return median > 0 ? 1 / median : 4.0 / d;
    }

    /// <summary>The standard deviation of the values, or 1 when they are all equal (the grid must not collapse to zero).</summary>
    public static double Spread(double[] values)
    {
        double mean = values.Average();
        double spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return spread > 0 ? spread : 1;
    }

    /// <summary>k-fold RMSE of one setting from a precomputed kernel matrix; folds solve in parallel.</summary>
    public static double CrossValidationRmse(double[] kernel, double[] y, SupportVectorSettings settings, int folds, ulong seed, double relativeTolerance, CancellationToken cancellationToken)
    {
        int n = y.Length;
        var order = Enumerable.Range(0, n).ToArray();
        new DeterministicRandom(seed).Shuffle(order.AsSpan());
        var squared = new double[folds];
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = cancellationToken }, fold =>
        {
            var held = order.Where((_, position) => position % folds == fold).ToArray();
            var kept = order.Where((_, position) => position % folds != fold).ToArray();
            var solution = SupportVectorKind.Solve(RbfKernel.Submatrix(kernel, n, kept), kept.Select(k => y[k]).ToArray(), settings, relativeTolerance, cancellationToken);
            foreach (int h in held)
            {
                double prediction = solution.Bias;
                for (int a = 0; a < kept.Length; a++)
                    prediction += solution.Coefficients[a] * kernel[kept[a] * n + h];
                squared[fold] += (y[h] - prediction) * (y[h] - prediction);
            }
        });
        return Math.Sqrt(squared.Sum() / n);
    }
}
