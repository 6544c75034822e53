using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// A whole optimisation: the strategy with its options and surrogate, the initial sampling plan
/// (method, options, count), the total budget (initial points included), the batch size and the seed;
/// optionally the standard deviation of Gaussian observation noise added to every evaluation.
/// </summary>
public sealed record RunSettings(
    IOptimizationStrategy Strategy,
    OptionValues StrategyOptions,
    SurrogateChoice Surrogate,
    ISamplingMethod InitialMethod,
    OptionValues InitialOptions,
    int InitialCount,
    int MaxEvaluations,
    int BatchSize,
    ulong Seed)
{
    /// <summary>σ of the observation noise (0: exact evaluations); drawn from its own stream seeded by <see cref="Seed"/>.</summary>
    public double Noise { get; init; }

    /// <summary>The kind of every coordinate (all continuous when null): the initial plan and every suggestion respect them.</summary>
    public IReadOnlyList<DesignVariable>? Variables { get; init; }

    /// <summary>The strategy's defaults and surrogate, Sobol' initial points, batch size 1.</summary>
    public static RunSettings For(IOptimizationStrategy strategy, int initialCount, int maxEvaluations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var sobol = SamplingMethods.Find("sobol")!;
        return new RunSettings(strategy, OptionValues.Defaults(strategy.Options), strategy.DefaultSurrogate,
            sobol, OptionValues.Defaults(sobol.Options), initialCount, maxEvaluations, BatchSize: 1, seed);
    }
}
