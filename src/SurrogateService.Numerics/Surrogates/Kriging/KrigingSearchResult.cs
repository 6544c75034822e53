namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The maximum-likelihood hyperparameters found (θ, p and the noise parameter η of <see cref="KrigingNoise"/>,
/// 0 without noise), the nugget they were found with, their log-likelihood, and warnings about the search. Public so that a
/// job can keep it as a checkpoint (<see cref="FitPhases"/>); doubles round-trip exactly through JSON.
/// </summary>
public sealed record KrigingSearchResult(double[] Theta, double[] P, double Nugget, double LogLikelihood, IReadOnlyList<string> Warnings, double NoiseParameter = 0);
