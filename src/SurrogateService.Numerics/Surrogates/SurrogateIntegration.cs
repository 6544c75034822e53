using MathNet.Numerics.Statistics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>The integral of a model over a box, how it was computed, and its standard error (zero when exact).</summary>
public sealed record IntegralEstimate(double Value, double StandardError, string Method, int Evaluations);

/// <summary>
/// Integrates a surrogate over a box: exactly when the model has a closed form, otherwise by
/// randomised quasi-Monte Carlo — independent Owen-scrambled Sobol' replicates, whose spread gives
/// an honest standard error (a single QMC sum has none).
/// </summary>
public static class SurrogateIntegration
{
    public const string ExactMethod = "exact";
    public const string QuasiMonteCarloMethod = "quasiMonteCarlo";

    /// <summary>Independent scrambles; enough for a usable spread, few enough to keep most points in each replicate.</summary>
    public const int Replicates = 8;

    public static IntegralEstimate Integrate(ISurrogateModel model, Box box, int samples, ulong seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(box);
        if (box.Dimension != model.Data.Dimension)
            throw new ArgumentException("Box and model differ in dimension.", nameof(box));
        if (model is IExactlyIntegrable exact)
            return new IntegralEstimate(exact.Integrate(box), 0, ExactMethod, 0);

        ArgumentOutOfRangeException.ThrowIfLessThan(samples, Replicates);
        int perReplicate = samples / Replicates;
        double volume = 1;
        for (int j = 0; j < box.Dimension; j++)
            volume *= box.Upper[j] - box.Lower[j];

        var sobol = new SobolSampling();
        var options = new OptionValues(sobol.Options, new Dictionary<string, object>
        {
            [SobolSampling.ScrambleOption] = true,
            [SobolSampling.SequenceOption] = "plain",
        });
        var random = new DeterministicRandom(seed);
        var means = new double[Replicates];
        var values = new double[perReplicate];
        for (int r = 0; r < Replicates; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var points = sobol.Sample(perReplicate, box, options, random.NextUInt64());
            model.Predict(points, values);
            means[r] = ArrayStatistics.Mean(values);
        }
        var (mean, variance) = ArrayStatistics.MeanVariance(means);
        return new IntegralEstimate(volume * mean, volume * Math.Sqrt(variance / Replicates), QuasiMonteCarloMethod, perReplicate * Replicates);
    }
}
