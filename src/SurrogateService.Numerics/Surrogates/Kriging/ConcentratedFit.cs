namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The generalised least-squares part of an ordinary Kriging fit for one matrix K = R + Λ = L·Lᵀ
/// (correlations plus relative noise and jitter on the diagonal): μ = 1ᵀK⁻¹y / 1ᵀK⁻¹1, and either
/// σ² = (y − μ1)ᵀK⁻¹(y − μ1)/n with the concentrated log-likelihood −(n/2)·ln σ² − (1/2)·ln det K,
/// or, for a given σ² (known noise variances), −(n/2)·ln σ² − (1/2)·ln det K − q/(2σ²) + n/2, which
/// equals the concentrated value where σ² = q/n (the constant −(n/2)·(1 + ln 2π) left out of both).
/// </summary>
/// <param name="WhitenedOnes">u = L⁻¹1, so 1ᵀK⁻¹1 = uᵀu.</param>
/// <param name="WhitenedResidual">L⁻¹(y − μ1), so q = its squared norm.</param>
internal sealed record ConcentratedFit(
    double Mean,
    double ProcessVariance,
    double LogLikelihood,
    double[] WhitenedOnes,
    double[] WhitenedResidual);
