using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Breiman's random forest (2001): trees grown on bootstrap resamples, a random subset of the inputs
/// tried at every split, predictions averaged. Trees grow in parallel, each from its own seeded
/// random stream, so the forest depends on the seed alone. The out-of-bag predictions (each point
/// predicted by the trees whose resample missed it) give an honest cross-validation error and calibrate
/// the standard error: the spread across trees scaled so that the out-of-bag residuals have unit mean square.
/// </summary>
/// <remarks>
/// Defaults follow R's randomForest for regression (Liaw &amp; Wiener, randomForest reference manual:
/// mtry = p/3, nodesize = 5); scikit-learn's RandomForestRegressor takes the same settings as
/// max_features = 1/3, min_samples_leaf = 5.
/// </remarks>
public sealed class RandomForestKind : ISurrogateKind
{
    public const string ScaleParameter = "standardErrorScale";

    public string Name => "randomForest";

    public string Description =>
        "Random forest (Breiman 2001): regression trees on bootstrap resamples with a random subset of inputs per split, averaged. " +
        "leaveOneOutRmse is the out-of-bag error; the standard error is the spread across trees calibrated on the out-of-bag residuals " +
        "(that of a new observation: it includes the data's noise).";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer("trees", 100, "Trees in the forest (at least two: their spread is the standard error).", 2, 1000),
        OptionSpec.Number("featureFraction", 1.0 / 3, "Fraction of the inputs drawn at every split (at least one).", minimum: 0, maximum: 1, exclusiveMinimum: true),
        OptionSpec.Integer("minLeafSize", 5, "Fewest training points in a leaf.", 1, 1000),
        OptionSpec.Integer("maxDepth", 0, "Deepest split level; 0 for no limit.", 0, 64),
        OptionSpec.Integer("bins", FeatureBins.MaximumBins, "Most candidate thresholds + 1 per input (quantile bins).", 2, FeatureBins.MaximumBins),
        OptionSpec.Integer("seed", 0, "Seed of the resamples and input draws: the same seed and data give the same forest.", 0, int.MaxValue),
    ];

    public bool HasStandardError => true;

    public int MinimumPoints(int dimension) => 2;

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        int n = data.Count, treeCount = options.Integer("trees");
        var bins = FeatureBins.Build(data.Points, options.Integer("bins"));
        int featuresPerSplit = Math.Max(1, (int)(options.Number("featureFraction") * data.Dimension));
        var settings = new TreeSettings(options.Integer("maxDepth"), 0, options.Integer("minLeafSize"), featuresPerSplit, 0);
        ulong seed = (ulong)options.Integer("seed");
        var trees = new RegressionTree[treeCount];
        var outOfBag = new double[treeCount][];
        Parallel.For(0, treeCount, new ParallelOptions { CancellationToken = cancellationToken }, t =>
        {
            var random = new DeterministicRandom(seed * 0x9E3779B97F4A7C15UL + (ulong)t);
            var counts = new int[n];
            for (int i = 0; i < n; i++)
                counts[random.NextInt(n)]++;
            var rows = Enumerable.Range(0, n).Where(i => counts[i] > 0).ToArray();
            trees[t] = new TreeGrower(bins, settings).Grow(rows, data.Values, counts, random);
            var predictions = new double[n];
            for (int i = 0; i < n; i++)
                predictions[i] = counts[i] == 0 ? trees[t].Predict(data.Points[i]) : double.NaN;
            outOfBag[t] = predictions;
        });
        var (rmse, scale, warnings) = OutOfBag(data.Values, outOfBag);
        var diagnostics = new FitDiagnostics { LeaveOneOutRmse = rmse, CrossValidation = FitDiagnostics.OutOfBag, Warnings = warnings };
        return new RandomForestModel(data, trees, scale, diagnostics);
    }

    /// <summary>Reads the trees and the calibration back as they are; the restored model carries no diagnostics.</summary>
    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        var trees = new RegressionTree[options.Integer("trees")];
        for (int t = 0; t < trees.Length; t++)
            trees[t] = RegressionTree.Import(parameters, t, data.Dimension);
        double scale = ModelParameters.Read(parameters, ScaleParameter, 1)[0];
        if (scale < 0)
            throw new SurrogateFitException($"The model parameter '{ScaleParameter}' must not be negative.") { Field = "parameters." + ScaleParameter };
        return new RandomForestModel(data, trees, scale, new FitDiagnostics());
    }

    /// <summary>
    /// The out-of-bag RMSE, and the factor k with Σ r_i² = k² Σ s_i² over the points that at least two trees
    /// left out (r_i the residual of their mean, s_i² the variance across them): k·spread is then a standard
    /// error whose standardised out-of-bag residuals have unit mean square.
    /// </summary>
    private static (double? Rmse, double Scale, IReadOnlyList<string> Warnings) OutOfBag(double[] values, double[][] outOfBag)
    {
        double squaredResiduals = 0, calibrationResiduals = 0, calibrationVariance = 0;
        int predicted = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int count = 0;
            double sum = 0;
            foreach (var tree in outOfBag)
            {
                if (double.IsNaN(tree[i]))
                    continue;
                count++;
                sum += tree[i];
            }
            if (count == 0)
                continue;
            double mean = sum / count, residual = values[i] - mean;
            squaredResiduals += residual * residual;
            predicted++;
            if (count < 2)
                continue;
            double variance = 0;
            foreach (var tree in outOfBag)
            {
                if (!double.IsNaN(tree[i]))
                    variance += (tree[i] - mean) * (tree[i] - mean);
            }
            calibrationVariance += variance / (count - 1);
            calibrationResiduals += residual * residual;
        }
        var warnings = new List<string>();
        double? rmse = predicted > 0 ? Math.Sqrt(squaredResiduals / predicted) : null;
        if (predicted < values.Length)
            warnings.Add($"{values.Length - predicted} of {values.Length} points were in every tree's resample, so the out-of-bag error leaves them out; use more trees.");
        if (calibrationVariance > 0)
            return (rmse, Math.Sqrt(calibrationResiduals / calibrationVariance), warnings);
        if (calibrationResiduals > 0)
        {
            warnings.Add("The trees agree everywhere the out-of-bag residuals were measured, so the standard errors cannot be calibrated and are zero; do not trust them.");
        }
        return (rmse, 1, warnings);
    }
}
