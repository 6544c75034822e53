namespace SurrogateService.Numerics.Optimization;

/// <summary>The outcome of a run: the best evaluation (null only if every evaluation failed), the trace of all evaluations, and the warnings met on the way.</summary>
public sealed record RunResult(Incumbent? Best, IReadOnlyList<RunTraceEntry> Trace, IReadOnlyList<string> Warnings)
{
    public int Evaluations => Trace.Count;
}
