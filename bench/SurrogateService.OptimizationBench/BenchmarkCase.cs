namespace SurrogateService.OptimizationBench;

/// <summary>One line of the quality goals: a function, a strategy, its start plan and budget, the target value and how many seeds must reach it.</summary>
internal sealed record BenchmarkCase(string Function, string Strategy, int InitialPoints, int Budget, double Target, string TargetText, int RequiredSeeds);
