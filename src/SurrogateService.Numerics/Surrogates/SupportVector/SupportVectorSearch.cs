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
