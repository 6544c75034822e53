using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>SRBF (Regis &amp; Shoemaker 2007): every coordinate of every candidate is perturbed.</summary>
internal sealed class SrbfStrategy : StochasticRadialBasisStrategy
{
    public override string Name => "srbf";

    public override string Description =>
        "Stochastic RBF (Regis & Shoemaker): Gaussian perturbations of the incumbent with an adaptive step, chosen by a weighted merit of " +
        "surrogate value and distance (weights cycling 0.3, 0.5, 0.7, 0.95); cubic RBF with a linear tail by default.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    private protected override double PerturbationProbability(int dimension, int evaluationsSinceStart, int adaptiveBudget) => 1;
}
