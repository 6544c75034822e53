using MathNet.Numerics.Statistics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// Variance-based global sensitivity: first-order and total Sobol' indices of a function over a
/// box with uniform inputs, estimated on a Saltelli design (see <see cref="SaltelliDesign"/>,
/// <see cref="SobolEstimators"/>), with percentile bootstrap confidence intervals from resampling
/// the design's rows. On a surrogate the evaluations are predictions, so a large N costs little.
/// </summary>
public static class SobolIndices
{
    public const string SamplingMethod = "saltelli";

    /// <summary>
    /// The indices of a fitted surrogate over its own design box; a polynomial chaos model's come
    /// from its coefficients (<see cref="PolynomialChaosSobolIndices"/>), without sampling.
    /// </summary>
    /// <param name="progress">Told after every block of evaluations and every few bootstrap resamples.</param>
    public static SobolIndicesResult Compute(
        ISurrogateModel model, SobolSettings settings, IProgress<SobolProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Compute(model, settings, progress, resumeFrom: null, checkpoint: null, cancellationToken);

    /// <param name="progress">Told after every block of evaluations made in this call and every few bootstrap resamples.</param>
    /// <param name="resumeFrom">A checkpoint of an earlier call with the same model and settings: its blocks are not evaluated again.</param>
    /// <param name="checkpoint">Told after every block of evaluations.</param>
    public static SobolIndicesResult Compute(
        ISurrogateModel model, SobolSettings settings, IProgress<SobolProgress>? progress,
        SobolCheckpoint? resumeFrom, Action<SobolCheckpoint>? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is PolynomialChaosModel chaos)
            return PolynomialChaosSobolIndices.Compute(chaos);
        return Compute(model.Predict, model.Data.Box, settings, progress, resumeFrom, checkpoint, cancellationToken);
    }

    /// <exception cref="ArgumentException">The function returned a non-finite value.</exception>
    public static SobolIndicesResult Compute(
        BatchFunction function, Box box, SobolSettings settings, IProgress<SobolProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Compute(function, box, settings, progress, resumeFrom: null, checkpoint: null, cancellationToken);

    /// <param name="resumeFrom">A checkpoint of an earlier call with the same function, box and settings: its blocks are not evaluated again.</param>
    /// <param name="checkpoint">Told after every block of evaluations (A, B, then each A_B^(i)).</param>
    /// <exception cref="ArgumentException">The function returned a non-finite value, or the checkpoint is not of this study.</exception>
    public static SobolIndicesResult Compute(
        BatchFunction function, Box box, SobolSettings settings, IProgress<SobolProgress>? progress,
        SobolCheckpoint? resumeFrom, Action<SobolCheckpoint>? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int d = box.Dimension, n = settings.BaseSamples;
        var design = new SaltelliDesign(box, n, settings.Seed);
        var blocks = new List<double[]>(d + 2);
        if (resumeFrom is not null)
        {
            if (resumeFrom.Blocks.Length > d + 2 || Array.Exists(resumeFrom.Blocks, block => block.Length != n))
                throw new ArgumentException("The checkpoint does not belong to this study.", nameof(resumeFrom));
            blocks.AddRange(resumeFrom.Blocks);
        }
        // The blocks in order: A, B, then A with column i from B for every input i.
        for (int b = blocks.Count; b < d + 2; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            blocks.Add(Evaluate(function, b switch { 0 => design.A, 1 => design.B, _ => design.Mixed(b - 2) }));
            progress?.Report(new SobolProgress(SobolProgress.Evaluation, b + 1, d + 2));
            checkpoint?.Invoke(new SobolCheckpoint([.. blocks]));
        }
        double[] fA = blocks[0], fB = blocks[1];
        var fMixed = blocks.Skip(2).ToArray();

        var estimators = new SobolEstimators(fA, fB, fMixed);
        var firstOrder = new double[d];
        var total = new double[d];
        var allRows = Enumerable.Range(0, n).ToArray();
        var warnings = new List<string>();
        if (!estimators.Estimate(allRows, firstOrder, total))
            warnings.Add("The function is constant over the box: it has no variance to apportion, and every index is reported as 0.");

        var (firstIntervals, totalIntervals) = Bootstrap(estimators, n, settings, progress, cancellationToken);
        return new SobolIndicesResult(firstOrder, total, firstIntervals, totalIntervals, settings.Evaluations(d), warnings);
    }

    private static double[] Evaluate(BatchFunction function, PointSet points)
    {
        var values = new double[points.Count];
        function(points, values);
        if (!Array.TrueForAll(values, double.IsFinite))
            throw new ArgumentException("The function returned a non-finite value on the design.", nameof(function));
        return values;
    }

    /// <summary>Percentile intervals: the (1 ∓ level)/2 quantiles of the indices over resampled rows.</summary>
    private static (ConfidenceInterval[] FirstOrder, ConfidenceInterval[] Total) Bootstrap(
        SobolEstimators estimators, int n, SobolSettings settings, IProgress<SobolProgress>? progress, CancellationToken cancellationToken)
    {
        int d = estimators.Dimension, resamples = settings.BootstrapResamples;
        // About a hundred reports whatever the resample count: enough for a smooth bar, few enough to send.
        int reportEvery = Math.Max(1, resamples / 100);
        var firstSamples = new double[d][];
        var totalSamples = new double[d][];
        for (int i = 0; i < d; i++)
        {
            firstSamples[i] = new double[resamples];
            totalSamples[i] = new double[resamples];
        }
        var random = new DeterministicRandom(settings.Seed ^ 0xB0075742A9UL);
        var rows = new int[n];
        var first = new double[d];
        var total = new double[d];
        for (int r = 0; r < resamples; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int k = 0; k < n; k++)
                rows[k] = random.NextInt(n);
            estimators.Estimate(rows, first, total);
            for (int i = 0; i < d; i++)
            {
                firstSamples[i][r] = first[i];
                totalSamples[i][r] = total[i];
            }
            if ((r + 1) % reportEvery == 0 || r + 1 == resamples)
                progress?.Report(new SobolProgress(SobolProgress.Bootstrap, r + 1, resamples));
        }
        double tail = (1 - settings.ConfidenceLevel) / 2;
        return (firstSamples.Select(s => Percentiles(s, tail)).ToArray(), totalSamples.Select(s => Percentiles(s, tail)).ToArray());
    }

    /// <summary>The quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default).</summary>
    private static ConfidenceInterval Percentiles(double[] samples, double tail)
    {
        Array.Sort(samples);
        return new ConfidenceInterval(
            SortedArrayStatistics.QuantileCustom(samples, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(samples, 1 - tail, QuantileDefinition.R7));
    }
}
