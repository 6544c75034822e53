namespace SurrogateService.Numerics.Optimization;

/// <summary>AEI (see <see cref="AugmentedExpectedImprovement"/>), scored as ln AEI; the failure penalty multiplies by (1 − π) as for EI.</summary>
internal sealed class AugmentedExpectedImprovementAcquisition(double best, double xi, double noiseVariance) : Acquisition
{
    public override double Score(double mean, double standardError) => AugmentedExpectedImprovement.Log(mean, standardError, best, xi, noiseVariance);

    public override double Report(double mean, double standardError) => AugmentedExpectedImprovement.Value(mean, standardError, best, xi, noiseVariance);

    public override double Penalise(double score, double penalty) => penalty > 0 ? score + Math.Log(1 - penalty) : score;
}
