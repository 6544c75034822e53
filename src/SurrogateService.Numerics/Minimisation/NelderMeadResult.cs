namespace SurrogateService.Numerics.Minimisation;

/// <summary>The best point a Nelder–Mead run found, its value, the evaluations spent, and whether the tolerances were met.</summary>
public sealed record NelderMeadResult(double[] Minimizer, double Minimum, int Evaluations, bool Converged);
