namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// Progress of a Sobol' analysis: <see cref="Evaluation"/> counts the design's d + 2 blocks of N
/// evaluations, then <see cref="Bootstrap"/> the resamples.
/// </summary>
public sealed record SobolProgress(string Stage, int Completed, int Total)
{
    public const string Evaluation = "evaluation";
    public const string Bootstrap = "bootstrap";
}
