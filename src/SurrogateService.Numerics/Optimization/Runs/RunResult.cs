namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The outcome of a run: the best evaluation (null only if every evaluation failed), the trace of all
/// evaluations, the warnings met on the way, and the noise-free value at the best point (which, with
/// observation noise, differs from its observed value).
/// </summary>
public sealed record RunResult(Incumbent? Best, IReadOnlyList<RunTraceEntry> Trace, IReadOnlyList<string> Warnings, double? BestTrueValue = null)
{
    public int Evaluations => Trace.Count;
}
