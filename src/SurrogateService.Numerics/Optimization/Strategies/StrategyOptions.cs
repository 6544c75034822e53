using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>The options the strategies share, declared once so that every strategy means the same by them.</summary>
public static class StrategyOptions
{
    public const string MinDistance = "minDistance";
    public const string FailureRadius = "failureRadius";
    public const string Liar = "liar";
    public const string Kappa = "kappa";
    public const string Xi = "xi";
    public const string MaxEvaluations = "maxEvaluations";
    public const string RefitEvery = "refitEvery";

    /// <summary>The lies of the constant liar (a fixed value for every pending point) and the kriging believer (the model's own prediction).</summary>
    public const string LiarMin = "min", LiarMean = "mean", LiarMax = "max", LiarBeliever = "believer";

    public static OptionSpec MinDistanceSpec { get; } = OptionSpec.Number(MinDistance, 1e-3,
        "No suggestion lies closer than minDistance·‖ub − lb‖ to a known point (failed ones included) or to another suggestion of the batch.",
        minimum: 0, maximum: 0.1, exclusiveMinimum: true);

    public static OptionSpec FailureRadiusSpec { get; } = OptionSpec.Number(FailureRadius, 0.05,
        "Radius, as a fraction of ‖ub − lb‖, over which a failed evaluation (null value) repels suggestions: the acquisition is penalised by " +
        "π = exp(−½(distance/radius)²) to the nearest failed point. 0 turns the penalty off (the distance rule still applies).",
        minimum: 0, maximum: 1);

    public static OptionSpec LiarSpec { get; } = OptionSpec.Choice(Liar, LiarMin,
        "How a batch (batchSize > 1) is built one point at a time: each chosen point is added to the data with a pretend value — the smallest, mean " +
        "or largest value seen (constant liar) or the model's prediction there (believer) — and the model is refitted with its hyperparameters kept.",
        LiarMin, LiarMean, LiarMax, LiarBeliever);

    public static OptionSpec KappaSpec { get; } = OptionSpec.Number(Kappa, 2,
        "k of the lower confidence bound μ − k·s: larger values explore more.", minimum: 0, maximum: 100);

    public static OptionSpec XiSpec { get; } = OptionSpec.Number(Xi, 0.01,
        "ξ of expected improvement: the improvement over the best value that counts, in units of the values; larger values explore more.",
        minimum: 0);

    public static OptionSpec RefitEverySpec { get; } = OptionSpec.Integer(RefitEvery, 5,
        "With Kriging θ 'fit': the first call searches the likelihood in full; later calls keep the θ of the state until refitEvery new " +
        "successful evaluations have arrived, then search again starting from it and from the heuristic θ. 1 searches on every call (slower, rarely better).",
        1, 100_000);

    public static OptionSpec MaxEvaluationsSpec { get; } = OptionSpec.Integer(MaxEvaluations, 0,
        "The evaluation budget N of the whole optimisation, which sets how fast DYCORS narrows its perturbations; 0 means 100·d.",
        0, 100_000_000);
}
