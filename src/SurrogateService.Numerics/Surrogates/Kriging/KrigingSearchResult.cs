namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The maximum-likelihood hyperparameters found (θ, p and the noise parameter η of <see cref="KrigingNoise"/>,
/// 0 without noise), the nugget they were found with, their log-likelihood, and warnings about the search.
/// </summary>
internal sealed record KrigingSearchResult(double[] Theta, double[] P, double Nugget, double LogLikelihood, IReadOnlyList<string> Warnings, double NoiseParameter = 0);
