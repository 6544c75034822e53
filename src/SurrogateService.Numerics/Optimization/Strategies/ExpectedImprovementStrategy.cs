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
        "(each constraint its own Kriging model), and the probability alone until a feasible point is known.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.XiSpec,
        StrategyOptions.LiarSpec,
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    public override bool SupportsConstraints => true;

    private protected override Acquisition CreateAcquisition(OptionValues options, double best, TrainingSet data) =>
        new ExpectedImprovementAcquisition(best, options.Number(StrategyOptions.Xi));
}
