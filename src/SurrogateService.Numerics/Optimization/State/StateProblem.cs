namespace SurrogateService.Numerics.Optimization;

/// <summary>A field of an <see cref="OptimizerState"/> that cannot be right (e.g. "stepSize", "theta[1]"), and why.</summary>
public sealed record StateProblem(string Field, string Message);
