using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// How the likelihood search treats the noise parameter η: its scale, range and starts, and what
/// it means when the maximum sits at an end of the range.
/// </summary>
/// <remarks>
/// Fitted noise searches λ = τ²/σ² ∈ [1e-15, 1e2]. The lower end is the jitter of an exact fit
/// (<see cref="KrigingRegularisation.SmallestJitter"/>, 2.2e-15, rounded down): exact data reach the
/// model an interpolating fit gives (with 1e-12 the notebook's Branin case lost a factor 4 in RMSE),
/// and even with σ² 1e5 times the values' variance τ² stays far under 1e-6 of it. At 1e2 the values
/// are essentially noise. The first start 1e-2 is a moderate
/// noise level, from which the likelihood's slope leads down quickly for exact data. Known noise
/// searches σ² on the scale v of the values' sample variance, σ²/v ∈ [1e-8, 1e8].
/// </remarks>
internal sealed record NoiseSearch(double Scale, (double Min, double Max) Range, double FirstStart, (double Min, double Max) StartRange, NoiseMode Mode)
{
    public const double MinNoiseRatio = 1e-15, MaxNoiseRatio = 1e2;

    public static NoiseSearch For(KrigingNoise noise, double[] values)
    {
        switch (noise.Mode)
        {
            case NoiseMode.Fit:
                return new NoiseSearch(1, (MinNoiseRatio, MaxNoiseRatio), 1e-2, (1e-6, 1), NoiseMode.Fit);
            case NoiseMode.Known:
                double variance = Math.Max(SampleVariance(values), double.Epsilon);
                double meanNoise = noise.Variances!.Average();
                return new NoiseSearch(variance, (1e-8, 1e8), variance * Math.Max(1 - meanNoise / variance, 0.1), (0.1, 10), NoiseMode.Known);
            default:
                return new NoiseSearch(1, (1, 1), 0, (1, 1), NoiseMode.None);
        }
    }

    /// <summary>A random start of the search variable ln(η/scale).</summary>
    public double RandomStart(DeterministicRandom random) =>
        Math.Log(StartRange.Min) + (Math.Log(StartRange.Max) - Math.Log(StartRange.Min)) * random.NextDouble();

    public IEnumerable<string> BoundWarnings(double z, double lower, double upper)
    {
        const double closeInLog = 1e-3;
        bool atLower = z <= lower + closeInLog, atUpper = z >= upper - closeInLog;
        if (Mode == NoiseMode.Fit && atLower)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The fitted noise variance reached the lower end of its range (τ²/σ² = {MinNoiseRatio:G}): the values look exact, and the model interpolates them.");
        if (Mode == NoiseMode.Fit && atUpper)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The fitted noise variance reached the upper end of its range (τ²/σ² = {MaxNoiseRatio:G}): the values look like noise around a constant at this point spacing; predictions are little more than their mean.");
        if (Mode == NoiseMode.Known && (atLower || atUpper))
            yield return "The process variance σ² reached an end of its search range: the known noise variances do not fit the spread of the values (check their units: variances, in the values' units squared).";
    }

    internal static double SampleVariance(double[] values)
    {
        double mean = values.Average(), sum = 0;
        foreach (double v in values)
            sum += (v - mean) * (v - mean);
        return values.Length > 1 ? sum / (values.Length - 1) : 0;
    }
}
