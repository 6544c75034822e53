namespace SurrogateService.Numerics.Optimization;

/// <summary>An acquisition function of a Gaussian prediction (μ, s): a score to maximise, the value to report, and the failure penalty.</summary>
internal abstract class Acquisition
{
    /// <summary>Higher is better; may be −∞.</summary>
    public abstract double Score(double mean, double standardError);

    /// <summary>The acquisition value in the strategy's own terms (EI, or μ − k·s).</summary>
    public abstract double Report(double mean, double standardError);

    /// <summary>The score lowered by a failure penalty π ∈ [0, 1] (see <see cref="FailurePenalty"/>).</summary>
    public abstract double Penalise(double score, double penalty);
}
