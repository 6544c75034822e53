namespace SurrogateService.Numerics.Minimisation;

/// <summary>
/// The best point a <see cref="ProjectedBfgs"/> run found, its value, the work spent, and whether a
/// tolerance (rather than a budget or a failed line search) ended it.
/// </summary>
public sealed record ProjectedBfgsResult(double[] Minimizer, double Minimum, int Iterations, int Evaluations, bool Converged);
