namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Augmented expected improvement for noisy observations (Huang, Allen, Notz &amp; Zeng 2006, "Global
/// optimization of stochastic black-box systems via sequential kriging meta-models", J. Global
/// Optim., doi:10.1007/s10898-005-2454-3): AEI = EI(μ, s; f**) · (1 − τ/√(s² + τ²)), with μ and s the posterior mean and
/// standard error of the noise-free function, f** the posterior mean at the "effective best solution"
/// and τ² the noise variance. The factor discounts points whose uncertainty is already below the noise,
/// where one more evaluation would teach little: it is what stops EI from re-sampling the incumbent's
/// neighbourhood for ever.
/// </summary>
/// <remarks>
/// Huang et al. take the effective best solution as the evaluated point minimising μ + c·s, c a
/// risk-aversion constant they set to 1 (mlr3mbo's AEI exposes it, default 1). The strategies use
/// c = 0, the evaluated point of lowest posterior mean (the incumbent they report, see
/// <see cref="PosteriorIncumbent"/>): on Branin with noise σ = 1 and 60 evaluations (bench/optimization.sh)
/// the recommendation's true value reached ≤ 0.45 in 13 of 20 seeds with c = 0 against 11 of 20 with c = 1.
/// </remarks>
public static class AugmentedExpectedImprovement
{
    public static double Value(double mean, double standardError, double best, double xi, double noiseVariance) =>
        Math.Exp(Log(mean, standardError, best, xi, noiseVariance));

    /// <summary>ln AEI, finite wherever s &gt; 0; −∞ where AEI = 0.</summary>
    public static double Log(double mean, double standardError, double best, double xi, double noiseVariance) =>
        ExpectedImprovement.Log(mean, standardError, best, xi) + LogNoiseFactor(standardError, noiseVariance);

    /// <summary>
    /// ln(1 − τ/√(s² + τ²)), computed as ln(s² / (√(s² + τ²)·(√(s² + τ²) + τ))), which keeps its digits
    /// where s ≪ τ and the difference would cancel.
    /// </summary>
    private static double LogNoiseFactor(double standardError, double noiseVariance)
    {
        if (!(noiseVariance > 0))
            return 0;
        if (!(standardError > 0))
            return double.NegativeInfinity;
        double tau = Math.Sqrt(noiseVariance);
        double root = Math.Sqrt(standardError * standardError + noiseVariance);
        return 2 * Math.Log(standardError) - Math.Log(root) - Math.Log(root + tau);
    }
}
