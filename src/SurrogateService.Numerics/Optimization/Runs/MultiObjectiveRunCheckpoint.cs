namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Everything a multi-objective run has done after a whole round: the points evaluated in order with
/// their observed objective values (NaN where an evaluation failed), the hypervolume reported after each,
/// the state the strategy returned last (null right after the initial plan) and the warnings so far. As
/// with <see cref="RunCheckpoint"/>, a run resumed from it returns the same result, bit for bit, as one
/// never interrupted: the strategy sees exactly these inputs, and the noise stream is advanced by the
/// draws the evaluations took (one per objective each).
/// </summary>
public sealed record MultiObjectiveRunCheckpoint(
    double[][] Points, double[][] Values, double[] Hypervolumes, OptimizerState? State, IReadOnlyList<string> Warnings)
{
    public int Evaluations => Points.Length;

    /// <exception cref="ArgumentException">The checkpoint cannot be of a run with these settings.</exception>
    internal void CheckBelongsTo(RunSettings settings, int objectiveCount)
    {
        if (Points.Length != Values.Length || Hypervolumes.Length != Points.Length
            || Evaluations < settings.InitialCount || Evaluations > settings.MaxEvaluations
            || Array.Exists(Values, row => row.Length != objectiveCount))
        {
            throw new ArgumentException("The checkpoint does not belong to these settings.", nameof(settings));
        }
    }
}
