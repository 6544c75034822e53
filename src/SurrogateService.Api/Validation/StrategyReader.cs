using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>The parts that suggest and run requests share: strategy, its options, its surrogate and the batch size.</summary>
public static class StrategyReader
{
    public static IOptimizationStrategy? Strategy(string? name, RequestErrors errors) =>
        NameLookup.Find(name, "strategy", errors, OptimizationStrategies.All, s => s.Name);

    public static OptionValues? Options(System.Text.Json.JsonElement? options, IOptimizationStrategy? strategy, RequestErrors errors) =>
        strategy is null ? null : OptionsBinder.Bind(options, strategy.Options, "options", errors);

    /// <summary>The strategy's default surrogate when none is given; ei and lcb need a kind with a standard error.</summary>
    public static SurrogateChoice? Surrogate(SurrogateSpec? spec, IOptimizationStrategy? strategy, RequestErrors errors, int? dimension)
    {
        if (strategy is null)
            return null;
        if (spec is null)
            return strategy.DefaultSurrogate;
        var kind = NameLookup.Find(spec.Kind, "surrogate.kind", errors, SurrogateKinds.All, k => k.Name);
        if (kind is null)
            return null;
        if (strategy.NeedsStandardError && !kind.HasStandardError)
        {
            errors.Add("surrogate.kind", $"{strategy.Name} needs a surrogate with a standard error; {kind.Name} has none. Kinds that have one: " +
                string.Join(", ", SurrogateKinds.All.Where(k => k.HasStandardError).Select(k => k.Name)) + ".");
            return null;
        }
        var options = OptionsBinder.Bind(spec.Options, kind.Options, "surrogate.options", errors, dimension);
        return options is null ? null : new SurrogateChoice(kind, options);
    }

    public static int? BatchSize(int? batchSize, RequestErrors errors, LimitsOptions limits)
    {
        int value = batchSize ?? 1;
        if (value >= 1 && value <= limits.MaxBatchSize)
            return value;
        errors.Add("batchSize", $"Must be between 1 and {limits.MaxBatchSize}.");
        return null;
    }
}
