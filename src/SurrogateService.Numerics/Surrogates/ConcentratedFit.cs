namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The generalised least-squares part of an ordinary Kriging fit for one correlation matrix R = L·Lᵀ:
/// μ = 1ᵀR⁻¹y / 1ᵀR⁻¹1, σ² = (y − μ1)ᵀR⁻¹(y − μ1)/n and the concentrated log-likelihood
/// −(n/2)·ln σ² − (1/2)·ln det R (the constant −(n/2)·(1 + ln 2π) left out).
/// </summary>
/// <param name="WhitenedOnes">u = L⁻¹1, so 1ᵀR⁻¹1 = uᵀu.</param>
/// <param name="WhitenedResidual">L⁻¹(y − μ1), so σ² = its squared norm / n.</param>
internal sealed record ConcentratedFit(
    double Mean,
    double ProcessVariance,
    double LogLikelihood,
    double[] WhitenedOnes,
    double[] WhitenedResidual);
