using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>Expected improvement (Jones, Schonlau &amp; Welch 1998) on Kriging with fitted hyperparameters.</summary>
internal sealed class ExpectedImprovementStrategy : AcquisitionStrategy
{
    public override string Name => "ei";

    public override string Description =>
        "Expected improvement EI = (f_min − μ − ξ)Φ(z) + sφ(z) on Kriging with maximum-likelihood θ, maximised over Sobol' and local candidates " +
        "with a Nelder–Mead polish; batches by constant liar or kriging believer. With constraints, EI × probability of feasibility " +
        "(each constraint its own Kriging model), and the probability alone until a feasible point is known. With a noisy Kriging surrogate " +
        "(noise 'fit' or a variance) the incumbent is the evaluated point of best posterior mean and EI becomes Huang et al.'s (2006) augmented " +
        "EI, EI·(1 − τ/√(s² + τ²)) with that posterior mean as f_min. Integer and categorical variables are " +
        "searched as such (categories one-hot encoded for the surrogate).";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.XiSpec,
        StrategyOptions.LiarSpec,
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    public override bool SupportsConstraints => true;

    private protected override Acquisition CreateAcquisition(OptionValues options, double best, TrainingSet data, double noiseVariance) =>
        noiseVariance > 0
            ? new AugmentedExpectedImprovementAcquisition(best, options.Number(StrategyOptions.Xi), noiseVariance)
            : new ExpectedImprovementAcquisition(best, options.Number(StrategyOptions.Xi));
}
