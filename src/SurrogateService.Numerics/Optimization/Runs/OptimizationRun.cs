using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// A whole surrogate optimisation of a function the service can evaluate itself: the initial plan,
/// then ask–tell rounds exactly as a client would run them (the state going round), until the
/// budget is spent — exactly, the last batch being cut to fit. It always returns the best point
/// found (Surrogates.jl 7.7 can return nothing).
/// </summary>
/// <remarks>
/// With observation noise the best observed value is mostly the luckiest draw: a Kriging surrogate
/// without a noise option then fits the noise variance ('fit'), and the run recommends the evaluated
/// point of best posterior mean of a final fit on all the evaluations (see <see cref="PosteriorIncumbent"/>).
/// </remarks>
public static class OptimizationRun
{
    internal const ulong NoiseStream = 0x6E6F697365UL;

    /// <param name="objective">The function to minimise, noise-free; a non-finite value counts as a failed evaluation.</param>
    public static RunResult Minimize(Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, CancellationToken cancellationToken = default) =>
        Minimize(objective, box, settings, progress: null, cancellationToken);

    /// <param name="objective">The function to minimise, noise-free; a non-finite value counts as a failed evaluation.</param>
    /// <param name="progress">Told after every evaluation, on the thread that evaluated.</param>
    public static RunResult Minimize(
        Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, IProgress<RunProgress>? progress, CancellationToken cancellationToken = default) =>
        Minimize(objective, box, settings, progress, resumeFrom: null, checkpoint: null, cancellationToken);

    /// <param name="objective">The function to minimise, noise-free; a non-finite value counts as a failed evaluation.</param>
    /// <param name="progress">Told after every evaluation made in this call (not those of <paramref name="resumeFrom"/>), on the thread that evaluated.</param>
    /// <param name="resumeFrom">A checkpoint of an earlier call with the same objective, box and settings; its evaluations are not repeated.</param>
    /// <param name="checkpoint">Told after the initial plan and after every round, before the next one starts.</param>
    public static RunResult Minimize(
        Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, IProgress<RunProgress>? progress,
        RunCheckpoint? resumeFrom, Action<RunCheckpoint>? checkpoint, CancellationToken cancellationToken = default)
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
        void Record(double[] point, double value)
        {
            if (double.IsFinite(value) && (best is null || value < best.Value))
                best = new Incumbent(point, value);
            points.Add(point);
            values.Add(value);
            trace.Add(new RunTraceEntry(point, value, best?.Value ?? double.NaN));
        }
        void Evaluate(double[] point)
        {
            double value = objective(point);
            if (settings.Noise > 0)
                value += settings.Noise * noise.NextGaussian();
            Record(point, double.IsFinite(value) ? value : double.NaN);
            progress?.Report(new RunProgress(trace.Count, settings.MaxEvaluations, trace[^1]));
        }

        var space = new VariableSpace(box, settings.Variables);
        var strategyOptions = WithBudget(settings.Strategy, settings.StrategyOptions, settings.MaxEvaluations);
        var warnings = new List<string>();
        var surrogate = NoiseAware(settings, warnings);
        OptimizerState? state = null;
        void Checkpoint() => checkpoint?.Invoke(new RunCheckpoint([.. points], [.. values], state, [.. warnings]));
        if (resumeFrom is null)
        {
            var initial = InitialPlan(space, settings);
            for (int i = 0; i < initial.Count; i++)
                Evaluate(initial[i].ToArray());
            Checkpoint();
        }
        else
        {
            Resume(resumeFrom, settings, noise, Record);
            state = resumeFrom.State;
            warnings.Clear();
            warnings.AddRange(resumeFrom.Warnings);
        }

        while (trace.Count < settings.MaxEvaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int batch = Math.Min(settings.BatchSize, settings.MaxEvaluations - trace.Count);
            var request = new SuggestionRequest(box, PointSet.FromRows(points), [.. values], batch, settings.Seed, state, strategyOptions, surrogate,
                Variables: settings.Variables);
            var suggestion = settings.Strategy.Suggest(request, cancellationToken);
            for (int i = 0; i < suggestion.Points.Count; i++)
                Evaluate(suggestion.Points[i].ToArray());
            state = suggestion.State;
            warnings.AddRange(suggestion.Warnings.Where(w => !warnings.Contains(w)));
            Checkpoint();
        }
        var recommended = IsNoisy(surrogate) ? PosteriorRecommendation(space, points, values, surrogate, state, cancellationToken) ?? best : best;
        return new RunResult(recommended, trace, warnings, recommended is null ? null : objective(recommended.Point));
    }

    /// <summary>Takes the checkpoint's evaluations as made, and advances the noise stream past the draws they used.</summary>
    private static void Resume(RunCheckpoint resumeFrom, RunSettings settings, DeterministicRandom noise, Action<double[], double> record)
    {
        if (resumeFrom.Points.Length != resumeFrom.Values.Length || resumeFrom.Evaluations < settings.InitialCount || resumeFrom.Evaluations > settings.MaxEvaluations)
            throw new ArgumentException("The checkpoint does not belong to these settings.", nameof(resumeFrom));
        for (int i = 0; i < resumeFrom.Evaluations; i++)
        {
            if (settings.Noise > 0)
                noise.NextGaussian();
            record(resumeFrom.Points[i], resumeFrom.Values[i]);
        }
    }

    private static bool IsNoisy(SurrogateChoice surrogate) => surrogate.Kind is KrigingKind && surrogate.Options.All["noise"] is not 0.0;

    /// <summary>With noise and a Kriging surrogate whose noise option was left at 0: the same with noise 'fit', and a warning saying so.</summary>
    private static SurrogateChoice NoiseAware(RunSettings settings, List<string> warnings)
    {
        var surrogate = settings.Surrogate;
        if (settings.Noise == 0 || surrogate.Kind is not KrigingKind || IsNoisy(surrogate))
            return surrogate;
        warnings.Add("The evaluations are noisy (noise > 0): the Kriging surrogate fits the noise variance (noise 'fit'); give surrogate.options.noise to choose otherwise.");
        return new SurrogateChoice(surrogate.Kind, new OptionValues(surrogate.Kind.Options, new Dictionary<string, object>(surrogate.Options.All) { ["noise"] = "fit" }));
    }

    /// <summary>The evaluated point of best posterior mean under the surrogate fitted to every evaluation; null when it cannot be fitted noisy.</summary>
    private static Incumbent? PosteriorRecommendation(
        VariableSpace space, List<double[]> points, List<double> values, SurrogateChoice surrogate, OptimizerState? state, CancellationToken cancellationToken)
    {
        var all = new SuggestionRequest(space.Box, PointSet.FromRows(points), [.. values], 1, 0, null, OptionValues.Defaults([]), surrogate);
        var training = KnownData.From(all).Training;
        var (model, isChosen) = SurrogateFitter.Fit(training, surrogate, state?.Theta, searchFromPrevious: true, [], space, cancellationToken);
        return isChosen && PosteriorIncumbent.NoiseVariance(model) is not null ? PosteriorIncumbent.BestMean(model!, training!, null) : null;
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
    /// <remarks>With integer or categorical variables the plan is drawn in <see cref="VariableSpace.SamplingBox"/> and snapped.</remarks>
    internal static PointSet InitialPlan(VariableSpace space, RunSettings settings)
    {
        try
        {
            var plan = settings.InitialMethod.Sample(settings.InitialCount, space.SamplingBox(), settings.InitialOptions, settings.Seed);
            space.SnapAll(plan);
            return plan;
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
