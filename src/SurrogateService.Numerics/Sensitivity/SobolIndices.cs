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
    public static SobolIndicesResult Compute(ISurrogateModel model, SobolSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is PolynomialChaosModel chaos)
            return PolynomialChaosSobolIndices.Compute(chaos);
        return Compute(model.Predict, model.Data.Box, settings, cancellationToken);
    }

    /// <exception cref="ArgumentException">The function returned a non-finite value.</exception>
    public static SobolIndicesResult Compute(BatchFunction function, Box box, SobolSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int d = box.Dimension, n = settings.BaseSamples;
        var design = new SaltelliDesign(box, n, settings.Seed);
        double[] fA = Evaluate(function, design.A);
        double[] fB = Evaluate(function, design.B);
        var fMixed = new double[d][];
        for (int i = 0; i < d; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fMixed[i] = Evaluate(function, design.Mixed(i));
        }

        var estimators = new SobolEstimators(fA, fB, fMixed);
        var firstOrder = new double[d];
        var total = new double[d];
        var allRows = Enumerable.Range(0, n).ToArray();
        var warnings = new List<string>();
        if (!estimators.Estimate(allRows, firstOrder, total))
            warnings.Add("The function is constant over the box: it has no variance to apportion, and every index is reported as 0.");

        var (firstIntervals, totalIntervals) = Bootstrap(estimators, n, settings, cancellationToken);
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
        SobolEstimators estimators, int n, SobolSettings settings, CancellationToken cancellationToken)
    {
        int d = estimators.Dimension, resamples = settings.BootstrapResamples;
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
        }
        double tail = (1 - settings.ConfidenceLevel) / 2;
        return (firstSamples.Select(s => Percentiles(s, tail)).ToArray(), totalSamples.Select(s => Percentiles(s, tail)).ToArray());
    }

    private static ConfidenceInterval Percentiles(double[] samples, double tail)
    {
        Array.Sort(samples);
        return new ConfidenceInterval(Quantile(samples, tail), Quantile(samples, 1 - tail));
    }

    /// <summary>Linear interpolation between order statistics (Hyndman–Fan type 7, as numpy's default).</summary>
    private static double Quantile(double[] sorted, double probability)
    {
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
