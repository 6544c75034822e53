using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// A whole surrogate optimisation of a function the service can evaluate itself: the initial plan,
/// then ask–tell rounds exactly as a client would run them (the state going round), until the
/// budget is spent — exactly, the last batch being cut to fit. It always returns the best point
/// found (Surrogates.jl 7.7 can return nothing).
/// </summary>
public static class OptimizationRun
{
    internal const ulong NoiseStream = 0x6E6F697365UL;

    /// <param name="objective">The function to minimise, noise-free; a non-finite value counts as a failed evaluation.</param>
    public static RunResult Minimize(Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, CancellationToken cancellationToken = default) =>
        Minimize(objective, box, settings, progress: null, cancellationToken);

    /// <param name="objective">The function to minimise, noise-free; a non-finite value counts as a failed evaluation.</param>
    /// <param name="progress">Told after every evaluation, on the thread that evaluated.</param>
    public static RunResult Minimize(
        Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, IProgress<RunProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(settings);
        CheckSettings(settings);
        // The noise has its own stream, so that adding noise does not change the strategy's draws.
        var noise = new DeterministicRandom(settings.Seed ^ NoiseStream);

        var trace = new List<RunTraceEntry>(settings.MaxEvaluations);
        var points = new List<double[]>(settings.MaxEvaluations);
        var values = new List<double>(settings.MaxEvaluations);
        Incumbent? best = null;
        void Evaluate(double[] point)
        {
            double value = objective(point);
            if (settings.Noise > 0)
                value += settings.Noise * noise.NextGaussian();
            if (!double.IsFinite(value))
                value = double.NaN;
            else if (best is null || value < best.Value)
                best = new Incumbent(point, value);
            points.Add(point);
            values.Add(value);
            var entry = new RunTraceEntry(point, value, best?.Value ?? double.NaN);
            trace.Add(entry);
            progress?.Report(new RunProgress(trace.Count, settings.MaxEvaluations, entry));
        }

        var initial = InitialPlan(box, settings);
        for (int i = 0; i < initial.Count; i++)
            Evaluate(initial[i].ToArray());

        var strategyOptions = WithBudget(settings.Strategy, settings.StrategyOptions, settings.MaxEvaluations);
        var warnings = new List<string>();
        OptimizerState? state = null;
        while (trace.Count < settings.MaxEvaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int batch = Math.Min(settings.BatchSize, settings.MaxEvaluations - trace.Count);
            var request = new SuggestionRequest(box, PointSet.FromRows(points), [.. values], batch, settings.Seed, state, strategyOptions, settings.Surrogate);
            var suggestion = settings.Strategy.Suggest(request, cancellationToken);
            for (int i = 0; i < suggestion.Points.Count; i++)
                Evaluate(suggestion.Points[i].ToArray());
            state = suggestion.State;
            warnings.AddRange(suggestion.Warnings.Where(w => !warnings.Contains(w)));
        }
        return new RunResult(best, trace, warnings, best is null ? null : objective(best.Point));
    }

    /// <summary>The checks every run makes of its settings (single- or multi-objective).</summary>
    internal static void CheckSettings(RunSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.InitialCount, 1, nameof(settings));
        if (settings.MaxEvaluations < settings.InitialCount)
            throw new ArgumentException("The budget must cover the initial points.", nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1, nameof(settings));
        if (!(settings.Noise >= 0) || double.IsInfinity(settings.Noise))
            throw new ArgumentException("The noise level must be a finite σ ≥ 0.", nameof(settings));
    }

    /// <exception cref="OptimizationException">The sampling method cannot draw this plan (e.g. a grid that does not fit the count).</exception>
    internal static PointSet InitialPlan(Box box, RunSettings settings)
    {
        try
        {
            return settings.InitialMethod.Sample(settings.InitialCount, box, settings.InitialOptions, settings.Seed);
        }
        catch (ArgumentException ex)
        {
            throw new OptimizationException(ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal), ex) { Field = "initialSamples" };
        }
    }

    /// <summary>A run knows its budget: a strategy that schedules by it (dycors) gets it unless the caller set one.</summary>
    private static OptionValues WithBudget(IOptimizationStrategy strategy, OptionValues options, int maxEvaluations)
    {
        if (!strategy.Options.Any(o => o.Name == StrategyOptions.MaxEvaluations) || options.Integer(StrategyOptions.MaxEvaluations) > 0)
            return options;
        var given = new Dictionary<string, object>(options.All) { [StrategyOptions.MaxEvaluations] = maxEvaluations };
        return new OptionValues(strategy.Options, given);
    }
}
