using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Least-squares gradient boosting (Friedman 2001) of histogram trees grown leaf-wise, as in LightGBM
/// and scikit-learn's HistGradientBoostingRegressor: starting from the mean, each tree fits the current
/// residuals and is added shrunk by the learning rate. Deterministic: no subsampling, so the seed only
/// shuffles the cross-validation folds. Boosting gives a point prediction and no standard error.
/// </summary>
/// <remarks>
/// Defaults are those of HistGradientBoostingRegressor (scikit-learn 1.2 documentation: max_iter = 100,
/// learning_rate = 0.1, max_leaf_nodes = 31, max_depth = None, min_samples_leaf = 20, l2_regularization = 0,
/// max_bins = 255), so that the two can be compared setting for setting.
/// </remarks>
public sealed class GradientBoostingKind : ISurrogateKind
{
    public const string BaselineParameter = "baseline";

    public string Name => "gradientBoosting";

    public string Description =>
        "Gradient-boosted regression trees (least squares, histogram splits, leaf-wise growth with shrinkage), the family of Surrogates.jl's XGBoost surrogate. " +
        "leaveOneOutRmse is a k-fold cross-validation error (folds); there is no standard error.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer("trees", 100, "Boosting rounds, one tree each.", 1, 5000),
        OptionSpec.Number("learningRate", 0.1, "Shrinkage of every tree.", minimum: 0, maximum: 1, exclusiveMinimum: true),
        OptionSpec.Integer("maxLeaves", 31, "Most leaves per tree.", 2, 4096),
        OptionSpec.Integer("maxDepth", 0, "Deepest split level; 0 for no limit.", 0, 64),
        OptionSpec.Integer("minLeafSize", 20, "Fewest training points in a leaf.", 1, 1000),
        OptionSpec.Number("l2Regularization", 0, "λ: a leaf predicts the residuals' sum over (count + λ).", minimum: 0, maximum: 1e6),
        OptionSpec.Integer("bins", FeatureBins.MaximumBins, "Most candidate thresholds + 1 per input (quantile bins).", 2, FeatureBins.MaximumBins),
        OptionSpec.Integer("folds", 5, "Cross-validation folds for leaveOneOutRmse (fewer when there are fewer points); 0 to skip it.", 0, 20),
        OptionSpec.Integer("seed", 0, "Seed of the cross-validation folds.", 0, int.MaxValue),
    ];

    public bool HasStandardError => false;

    public int MinimumPoints(int dimension) => 2;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        int folds = Math.Min(options.Integer("folds"), data.Count);
        if (folds == 1)
            throw new SurrogateFitException("folds must be 0 (no cross-validation) or at least 2.") { Field = "options.folds" };
        var model = Boost(data, options, cancellationToken);
        if (folds == 0)
            return model;
        double rmse = KFoldCrossValidation.Rmse(data, folds, (ulong)options.Integer("seed"), subset => Boost(subset, options, cancellationToken), cancellationToken);
        return model.With(new FitDiagnostics { LeaveOneOutRmse = rmse, CrossValidation = FitDiagnostics.Folds(folds) });
    }

    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        var trees = new RegressionTree[options.Integer("trees")];
        for (int t = 0; t < trees.Length; t++)
            trees[t] = RegressionTree.Import(parameters, t, data.Dimension);
        return new GradientBoostingModel(data, ModelParameters.Read(parameters, BaselineParameter, 1)[0], trees, new FitDiagnostics());
    }

    private static GradientBoostingModel Boost(TrainingSet data, OptionValues options, CancellationToken cancellationToken)
    {
        int n = data.Count;
        var settings = new TreeSettings(options.Integer("maxDepth"), options.Integer("maxLeaves"), options.Integer("minLeafSize"),
            data.Dimension, options.Number("l2Regularization"));
        var grower = new TreeGrower(FeatureBins.Build(data.Points, options.Integer("bins")), settings);
        double learningRate = options.Number("learningRate");
        double baseline = data.Values.Average();
        var prediction = Enumerable.Repeat(baseline, n).ToArray();
        var residuals = new double[n];
        var step = new double[n];
        var rows = Enumerable.Range(0, n).ToArray();
        // Every input is tried at every split, so the grower never draws from this.
        var unused = new DeterministicRandom(0);
        var trees = new RegressionTree[options.Integer("trees")];
        for (int t = 0; t < trees.Length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < n; i++)
                residuals[i] = data.Values[i] - prediction[i];
            trees[t] = grower.Grow(rows, residuals, null, unused, learningRate, step);
            for (int i = 0; i < n; i++)
                prediction[i] += step[i];
        }
        return new GradientBoostingModel(data, baseline, trees, new FitDiagnostics());
    }
}
