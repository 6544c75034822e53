namespace SurrogateService.Numerics.Surrogates;

/// <summary>What the Kriging hyperparameter search starts from and may change.</summary>
/// <param name="StartTheta">The first start (the heuristic θ).</param>
/// <param name="P">The fixed exponents, or the first start for them when <paramref name="FitP"/>.</param>
/// <param name="FitP">Also search p_l ∈ [1, 2].</param>
/// <param name="Seed">Seed of the random starts.</param>
/// <param name="Starts">Number of starts, the first being <paramref name="StartTheta"/>.</param>
/// <param name="NuggetFloor">The least nugget (the nugget rule may add more).</param>
internal sealed record KrigingSearchSettings(double[] StartTheta, double[] P, bool FitP, ulong Seed, int Starts, double NuggetFloor);
