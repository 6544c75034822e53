namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// LCB = μ − k·s, minimised (Surrogates.jl 7.7 adds k·s, which shuns uncertainty instead of
/// exploring it). The failure penalty adds π times the spread of the observed values, so a failed
/// point weighs like the worst observation.
/// </summary>
internal sealed class LowerConfidenceBoundAcquisition(double kappa, double valueSpread) : Acquisition
{
    public override double Score(double mean, double standardError) => -Report(mean, standardError);

    public override double Report(double mean, double standardError) => mean - kappa * standardError;

    public override double Penalise(double score, double penalty) => score - penalty * valueSpread;
}
