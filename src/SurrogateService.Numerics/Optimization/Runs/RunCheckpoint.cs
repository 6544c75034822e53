namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Everything a run has done after a whole round: the points evaluated in order with their observed
/// values (NaN where an evaluation failed), the state the strategy returned last (null right after the
/// initial plan) and the warnings met so far. A run resumed from it continues with the same draws and
/// returns the same result, bit for bit, as one that was never interrupted: the strategy is a function
/// of exactly these inputs (ask–tell keeps no other state), and the noise stream is advanced by one
/// draw per evaluation already made.
/// </summary>
public sealed record RunCheckpoint(double[][] Points, double[] Values, OptimizerState? State, IReadOnlyList<string> Warnings)
{
    public int Evaluations => Points.Length;
}
