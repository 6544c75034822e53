using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// k-fold cross-validation of the whole mixture-of-experts procedure: in every fold the clustering, the experts'
/// choice and the gating are refitted to the other folds, and the held-out points are predicted under every
/// gating model and heaviside factor (they do not change the clusters or experts, so one fit serves them all). The folds are those of
/// <see cref="KFoldCrossValidation"/>; the fits run in parallel and the sums are taken in a fixed order.
/// </summary>
internal static class MixtureCrossValidation
{
    /// <summary>A setting of the choices that do not change the partition: the gating model and its heaviside factor.</summary>
    public sealed record GatingSetting(string Model, double Heaviside);

    /// <summary>The best setting with its RMSE, and the best RMSE of every number of clusters.</summary>
    public sealed record Result((int Clusters, GatingSetting Gating, double Rmse)? Best, IReadOnlyList<ClusterCountTrial> Trials);

    public static Result Run(TrainingSet data, int[] clusterCounts, GatingSetting[] gatings, bool hard, int folds, ulong seed, CancellationToken cancellationToken)
    {
        int n = data.Count, h = gatings.Length;
        var order = Enumerable.Range(0, n).ToArray();
        new DeterministicRandom(seed).Shuffle(order.AsSpan());
        // squaredErrors[(c·folds + fold)·h + j]: fold's held-out squared error with clusterCounts[c] and gatings[j]; NaN when infeasible.
        var squaredErrors = new double[clusterCounts.Length * folds * h];
        Parallel.For(0, clusterCounts.Length * folds, new ParallelOptions { CancellationToken = cancellationToken }, task =>
        {
            int clusters = clusterCounts[task / folds], fold = task % folds;
            var held = order.Where((_, position) => position % folds == fold).ToArray();
            var kept = KFoldCrossValidation.Subset(data, order.Where((_, position) => position % folds != fold).ToArray());
            var heldData = KFoldCrossValidation.Subset(data, held);
            MixturePartition partition;
            try
            {
                partition = MixturePartition.Fit(kept, clusters, seed, cancellationToken);
            }
            catch (SurrogateFitException)
            {
                squaredErrors.AsSpan(task * h, h).Fill(double.NaN);
                return;
            }
            var predictions = new double[held.Length];
            for (int j = 0; j < h; j++)
            {
                var gating = partition.Gating(gatings[j].Model, gatings[j].Heaviside);
                new MixtureOfExpertsModel(kept, gating, partition.Assignment, partition.Experts, hard, typicalError: 0, new FitDiagnostics()).Predict(heldData.Points, predictions);
                for (int i = 0; i < held.Length; i++)
                    squaredErrors[task * h + j] += (heldData.Values[i] - predictions[i]) * (heldData.Values[i] - predictions[i]);
            }
        });

        (int, GatingSetting, double)? best = null;
        double bestRmse = double.PositiveInfinity;
        var trials = new List<ClusterCountTrial>();
        for (int c = 0; c < clusterCounts.Length; c++)
        {
            double? countBest = null;
            for (int j = 0; j < h; j++)
            {
                double sum = 0;
                for (int fold = 0; fold < folds; fold++)
                    sum += squaredErrors[(c * folds + fold) * h + j];
                double rmse = Math.Sqrt(sum / n);
                if (!double.IsFinite(rmse))
                    continue;
                countBest = Math.Min(countBest ?? double.PositiveInfinity, rmse);
                if (rmse < bestRmse)
                {
                    bestRmse = rmse;
                    best = (clusterCounts[c], gatings[j], rmse);
                }
            }
            trials.Add(new ClusterCountTrial(clusterCounts[c], countBest));
        }
        return new Result(best, trials);
    }
}
