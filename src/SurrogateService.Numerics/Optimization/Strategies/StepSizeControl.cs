namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The trust-region-like step size of SRBF and DYCORS (Regis &amp; Shoemaker): σ doubles after
/// three successive improving batches (up to 0.2), halves after max(5, d)/q successive failing
/// ones, and when it falls below 0.2·2⁻⁶ the search restarts at 0.2 (keeping the data): the
/// local search has converged and a wider look may find a better basin.
/// </summary>
internal static class StepSizeControl
{
    public const double Initial = 0.2;
    public const double Maximum = 0.2;
    public const double Minimum = 0.2 / 64;
    private const int SuccessTolerance = 3;

    /// <summary>An improvement must beat the previous best by this fraction of its magnitude to count.</summary>
    private const double RelativeImprovement = 1e-3;

    public static (double StepSize, int Successes, int Failures) Update(OptimizerState state, Incumbent? incumbent, int dimension, int batchSize, List<string> warnings)
    {
        double sigma = state.StepSize!.Value;
        int successes = state.Successes!.Value, failures = state.Failures!.Value;
        if (state.BestValue is not double previous || incumbent is null)
            return (sigma, successes, failures);

        if (incumbent.Value < previous - RelativeImprovement * Math.Abs(previous))
        {
            successes++;
            failures = 0;
        }
        else
        {
            failures++;
            successes = 0;
        }
        int failureTolerance = Math.Max(1, (int)Math.Ceiling(Math.Max(5.0, dimension) / batchSize));
        if (successes >= SuccessTolerance)
        {
            sigma = Math.Min(2 * sigma, Maximum);
            successes = 0;
        }
        else if (failures >= failureTolerance)
        {
            sigma /= 2;
            failures = 0;
        }
        if (sigma < Minimum)
        {
            sigma = Initial;
            warnings.Add("The step size fell below its minimum (the local search has converged): it was reset to its initial value to look further afield.");
        }
        return (sigma, successes, failures);
    }
}
