namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The objective's part of the acquisition while no feasible point is known: neutral (ln 1), so that
/// the probability of feasibility alone chooses, and the reported acquisition is that probability.
/// The failure penalty multiplies by (1 − π) as for EI.
/// </summary>
internal sealed class FeasibilitySearchAcquisition : Acquisition
{
    public override double Score(double mean, double standardError) => 0;

    public override double Report(double mean, double standardError) => 1;

    public override double Penalise(double score, double penalty) => penalty > 0 ? score + Math.Log(1 - penalty) : score;
}
