namespace SurrogateService.Numerics.Optimization;

/// <summary>Progress of a run after each evaluation: how many of the budget are spent, and the newest trace entry.</summary>
public sealed record RunProgress(int Evaluations, int MaxEvaluations, RunTraceEntry Latest);
