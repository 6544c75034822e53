namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// TuRBO-1's trust region between asks (Eriksson et al., "Scalable global optimization via local
/// Bayesian optimization", NeurIPS 2019): the edge length L of the box around the incumbent (in units
/// of the box's widths), consecutive successful and failed batches, and where the current local run
/// started in the list of points. It travels in the <see cref="OptimizerState"/> (stepSize, successes,
/// failures, initialPoints), so any replica continues a campaign.
/// </summary>
/// <remarks>
/// The constants are the paper's (Section 3 and Appendix): L₀ = 0.8, L_min = 0.5⁷, L_max = 1.6,
/// τ_succ = 3 consecutive successes double L, τ_fail = ⌈max(4/q, d/q)⌉ consecutive failures halve
/// it, and L below L_min restarts the run. A batch succeeds when it improves the run's best value by
/// more than 10⁻³·|best| (as BoTorch's TuRBO-1 tutorial measures it).
/// </remarks>
internal readonly record struct TrustRegionState(double Length, int Successes, int Failures, int RunStart)
{
    public const double InitialLength = 0.8;
    public const double MinLength = 0.0078125;
    public const double MaxLength = 1.6;
    public const int SuccessTolerance = 3;

    public static TrustRegionState Fresh(int runStart) => new(InitialLength, 0, 0, runStart);

    public static int FailureTolerance(int dimension, int batchSize) =>
        (int)Math.Ceiling(Math.Max(4.0 / batchSize, (double)dimension / batchSize));

    /// <summary>
    /// The state after the batch that took the run's best from <paramref name="previousBest"/> to
    /// <paramref name="currentBest"/>; a collapsed region restarts with the run starting at <paramref name="pointCount"/>.
    /// </summary>
    public TrustRegionState After(double previousBest, double currentBest, int dimension, int batchSize, int pointCount, out bool restarted)
    {
        bool success = currentBest < previousBest - 1e-3 * Math.Abs(previousBest);
        int successes = success ? Successes + 1 : 0;
        int failures = success ? 0 : Failures + 1;
        double length = Length;
        if (successes == SuccessTolerance)
        {
            length = Math.Min(2 * length, MaxLength);
            successes = 0;
        }
        else if (failures >= FailureTolerance(dimension, batchSize))
        {
            length /= 2;
            failures = 0;
        }
        restarted = length < MinLength;
        return restarted ? Fresh(pointCount) : new TrustRegionState(length, successes, failures, RunStart);
    }
}
