namespace SurrogateService.Numerics.Optimization;

/// <summary>One evaluation of a run, in order: the point, its value (NaN if it failed) and the best value so far (NaN while none succeeded).</summary>
public sealed record RunTraceEntry(double[] Point, double Value, double BestSoFar);
