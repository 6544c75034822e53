namespace SurrogateService.Numerics.Surrogates;

/// <summary>The maximum-likelihood hyperparameters found, their log-likelihood, and warnings about the search.</summary>
internal sealed record KrigingSearchResult(double[] Theta, double[] P, double LogLikelihood, IReadOnlyList<string> Warnings);
