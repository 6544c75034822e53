namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// EI, scored as ln EI so that it stays comparable where EI underflows. The failure penalty
/// multiplies EI by (1 − π): zero on a failed point, untouched a few radii away.
/// </summary>
internal sealed class ExpectedImprovementAcquisition(double best, double xi) : Acquisition
{
    public override double Score(double mean, double standardError) => ExpectedImprovement.Log(mean, standardError, best, xi);

    public override double Report(double mean, double standardError) => ExpectedImprovement.Value(mean, standardError, best, xi);

    public override double Penalise(double score, double penalty) => penalty > 0 ? score + Math.Log(1 - penalty) : score;
}
