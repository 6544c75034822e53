namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// Settings of a Sobol' index estimate: the base sample size N (the function is evaluated
/// N·(d + 2) times), the bootstrap resamples and confidence level of the intervals, and the seed
/// of the scrambled design and of the resampling.
/// </summary>
public sealed record SobolSettings(int BaseSamples = 4096, int BootstrapResamples = 200, double ConfidenceLevel = 0.95, ulong Seed = 0)
{
    /// <summary>Evaluations for a function of <paramref name="dimension"/> inputs.</summary>
    public long Evaluations(int dimension) => (long)BaseSamples * (dimension + 2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseSamples, 2, nameof(BaseSamples));
        ArgumentOutOfRangeException.ThrowIfLessThan(BootstrapResamples, 1, nameof(BootstrapResamples));
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "Must lie strictly between 0 and 1.");
    }
}
