using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// DYCORS (Regis &amp; Shoemaker 2013): SRBF that perturbs only a random subset of coordinates,
/// each with probability min(20/d, 1)·(1 − ln k / ln N), k the evaluations since the first call
/// (plus one) and N the budget after the initial points. Fewer coordinates move as the budget is
/// spent, which is what lets it work in many dimensions.
/// </summary>
internal sealed class DycorsStrategy : StochasticRadialBasisStrategy
{
    public override string Name => "dycors";

    public override string Description =>
        "DYCORS (Regis & Shoemaker 2013): SRBF perturbing each coordinate with probability min(20/d, 1)·(1 − ln k / ln N), " +
        "N the evaluation budget (option maxEvaluations), so high-dimensional searches stay local.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.MaxEvaluationsSpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    private protected override int Budget(SuggestionRequest request)
    {
        int given = request.Options.Integer(StrategyOptions.MaxEvaluations);
        return given > 0 ? given : base.Budget(request);
    }

    private protected override double PerturbationProbability(int dimension, int evaluationsSinceStart, int adaptiveBudget)
    {
        double start = Math.Min(20.0 / dimension, 1);
        if (adaptiveBudget <= 1)
            return 0;
        double k = Math.Clamp(evaluationsSinceStart, 1, adaptiveBudget);
        return start * (1 - Math.Log(k) / Math.Log(adaptiveBudget));
    }
}
