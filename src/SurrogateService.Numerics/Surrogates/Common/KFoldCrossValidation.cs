using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// k-fold cross-validation RMSE: the points are shuffled (seeded) into k folds of near-equal size, each
/// fold is predicted by a model fitted to the others. For kinds whose fit is too costly to repeat n times
/// for leave-one-out; folds are fitted in parallel, and the result does not depend on their scheduling.
/// </summary>
internal static class KFoldCrossValidation
{
    public static double Rmse(TrainingSet data, int folds, ulong seed, Func<TrainingSet, ISurrogateModel> fit, CancellationToken cancellationToken)
    {
        int n = data.Count;
        var order = Enumerable.Range(0, n).ToArray();
        new DeterministicRandom(seed).Shuffle(order.AsSpan());
        var squaredErrors = new double[folds];
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = cancellationToken }, fold =>
        {
            var held = order.Where((_, position) => position % folds == fold).ToArray();
            var kept = order.Where((_, position) => position % folds != fold).ToArray();
            var model = fit(Subset(data, kept));
            var predictions = new double[held.Length];
            model.Predict(Subset(data, held).Points, predictions);
            for (int i = 0; i < held.Length; i++)
            {
                double residual = data.Values[held[i]] - predictions[i];
                squaredErrors[fold] += residual * residual;
            }
        });
        return Math.Sqrt(squaredErrors.Sum() / n);
    }

    /// <summary>The given rows of the data, in the same box, without noise, low-fidelity data or gradients.</summary>
    public static TrainingSet Subset(TrainingSet data, int[] rows)
    {
        int d = data.Dimension;
        var points = new PointSet(rows.Length, d);
        var values = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            data.Points[rows[i]].CopyTo(points[i]);
            values[i] = data.Values[rows[i]];
        }
        return new TrainingSet(points, values, data.Box);
    }
}
