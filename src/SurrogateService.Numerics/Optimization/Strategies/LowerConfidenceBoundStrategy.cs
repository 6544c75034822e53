using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>Lower confidence bound μ − k·s on Kriging with fitted hyperparameters.</summary>
internal sealed class LowerConfidenceBoundStrategy : AcquisitionStrategy
{
    public override string Name => "lcb";

    public override string Description =>
        "Lower confidence bound μ − k·s (k = kappa) on Kriging with maximum-likelihood θ, minimised over Sobol' and local candidates " +
        "with a Nelder–Mead polish; batches by constant liar or kriging believer.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.KappaSpec,
        StrategyOptions.LiarSpec,
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    private protected override Acquisition CreateAcquisition(OptionValues options, double best, TrainingSet data, double noiseVariance) =>
        new LowerConfidenceBoundAcquisition(options.Number(StrategyOptions.Kappa), Spread(data.Values));
}
