using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// One candidate that <see cref="AutoSurrogate"/> tried, with its leave-one-out error or why it failed;
/// <paramref name="UsesLowFidelity"/> marks the co-Kriging candidate.
/// </summary>
public sealed record SurrogateCandidate(string Kind, IReadOnlyDictionary<string, object> Options, double? LeaveOneOutRmse, string? Error, bool UsesLowFidelity = false);

/// <summary>
/// Picks the surrogate with the lowest leave-one-out RMSE among a fixed set of sound candidates.
/// Leave-one-out error is the honest yardstick here: every interpolant has zero training error. The tree
/// ensembles report their out-of-bag (forest) or 5-fold (boosting) error instead, both out-of-sample and
/// if anything pessimistic beside leave-one-out, since each point is predicted from fewer others.
/// The support vectors and the mixture of experts take part with one setting each (no search) and up to
/// <see cref="MaximumSupportVectorPoints"/> and <see cref="MaximumMixturePoints"/> points; their errors are 5-fold, like boosting's.
/// The neural network is left out: it is slow to train and its error depends on the seed.
/// With gradients, Kriging fits them (gradient-enhanced) and the other kinds the values alone. With
/// low-fidelity data, every candidate is fitted to the high-fidelity data alone and Kriging once more
/// with both (co-Kriging, which takes no gradients), whose leave-one-out error is that of its
/// high-fidelity predictions.
/// </summary>
public static class AutoSurrogate
{
    public const string Name = "auto";

    public const string Description =
        "Fits Kriging (maximum likelihood), radial bases (thin-plate, cubic, multiquadric), second-order polynomial, sparse polynomial chaos, inverse distance, random forest, gradient boosting, " +
        "support vectors (heuristic C, ε, γ; up to 500 points) and a mixture of two experts (softmax gating; up to 250 points), and keeps the one with the lowest leave-one-out RMSE " +
        "(out-of-bag for the forest, 5-fold for boosting, support vectors and the mixture); the diagnostics list every candidate. " +
        "With gradients, Kriging uses them (gradient-enhanced, its leave-one-out error leaving out each point with its gradient) and the others fit the values. " +
        "With lowFidelity data, the candidates fit the high-fidelity data alone and Kriging once more with both (co-Kriging, without the gradients).";

    private static readonly (string Kind, Dictionary<string, object> Options)[] Candidates =
    [
        // The candidates are compared by exact leave-one-out; the nearest-neighbour approximation is for data sets beyond them.
        ("kriging", new() { ["approximation"] = KrigingKind.Exact, ["trend"] = KrigingKind.ConstantTrend }),
        ("radialBasis", new() { ["kernel"] = "thinPlate" }),
        ("radialBasis", new() { ["kernel"] = "cubic" }),
        ("radialBasis", new() { ["kernel"] = "multiquadric" }),
        ("secondOrder", []),
        ("polynomialChaos", []),
        ("inverseDistance", []),
        ("randomForest", []),
        ("gradientBoosting", []),
        // One setting each, no search, so that their cross-validation errors are as honest as the others' (a choice among
        // settings by the same folds would make them optimistic) and auto stays fast: see the limits below.
        ("supportVector", new() { ["c"] = SupportVectorKind.Heuristic, ["epsilon"] = SupportVectorKind.Heuristic, ["gamma"] = SupportVectorKind.Heuristic }),
        ("mixtureOfExperts", new() { ["clusters"] = 2, ["gatingModel"] = MixtureOfExpertsKind.SoftmaxGating, ["heaviside"] = 1.0 }),
    ];

    /// <summary>Above this many points auto leaves out the support vectors: SMO's kernel matrix and solves grow like n².</summary>
    public const int MaximumSupportVectorPoints = 500;

    /// <summary>
    /// Above this many points auto leaves out the mixture of experts: six fits of the clustering and of five experts per
    /// cluster, Kriging's by maximum likelihood; at 300 points in six inputs they tripled auto's time (docs/surrogate-zoo.md).
    /// </summary>
    public const int MaximumMixturePoints = 250;

    /// <summary>Why auto leaves a candidate out for these data, or null when it is tried.</summary>
    private static string? LeftOut(ISurrogateKind kind, TrainingSet data)
    {
        int? limit = kind switch { SupportVectorKind => MaximumSupportVectorPoints, MixtureOfExpertsKind => MaximumMixturePoints, _ => null };
        if (limit is null)
            return null;
        if (data.Count > limit)
            return $"Left out of auto above {limit} points, for time; fit {kind.Name} directly.";
        // Two clusters must be fillable in every training fold (four fifths of the points), not just in the whole.
        int needed = 2 * kind.MinimumPoints(data.Dimension);
        return kind is MixtureOfExpertsKind && data.Count < needed ? $"Needs at least {needed} points in auto (two clusters in every fold)." : null;
    }

    /// <summary>Fits every candidate and returns the best, with the table of all of them.</summary>
    /// <exception cref="SurrogateFitException">No candidate could be fitted.</exception>
    /// <param name="progress">Told before and after every candidate.</param>
    public static FittedSurrogate Select(TrainingSet data, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Select(data, progress, resumeFrom: null, checkpoint: null, cancellationToken);

    /// <summary>Fits every candidate and returns the best, with the table of all of them.</summary>
    /// <exception cref="SurrogateFitException">No candidate could be fitted.</exception>
    /// <param name="progress">Told before and after every candidate fitted in this call.</param>
    /// <param name="resumeFrom">A checkpoint of an earlier call on the same data: its candidates are not tried again (the best of them is refitted).</param>
    /// <param name="checkpoint">Told after every candidate.</param>
    public static FittedSurrogate Select(TrainingSet data, IProgress<FitProgress>? progress,
        AutoFitCheckpoint? resumeFrom, Action<AutoFitCheckpoint>? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var highOnly = data.LowFidelity is null ? data : new TrainingSet(data.Points, data.Values, data.Box, data.NoiseVariances, gradients: data.Gradients);
        var trials = Candidates.Select(c => (c.Kind, c.Options, Data: highOnly)).ToList();
        if (data.LowFidelity is not null)
            trials.Add(("kriging", new() { ["approximation"] = KrigingKind.Exact, ["trend"] = KrigingKind.ConstantTrend }, data.WithoutGradients()));
        var table = new List<SurrogateCandidate>();
        var outcomes = new List<AutoFitOutcome>();
        void Done(int trial, SurrogateCandidate candidate)
        {
            table.Add(candidate);
            outcomes.Add(new AutoFitOutcome(trial, candidate.LeaveOneOutRmse, candidate.Error));
            progress?.Report(new FitProgress(FitProgress.Fitted, candidate.Kind, table.Count, trials.Count, candidate.LeaveOneOutRmse, candidate.Error));
        }
        FittedSurrogate? best = null;
        int? bestTrial = null;
        double bestError = double.PositiveInfinity;
        FittedSurrogate FitTrial(int trial, ISurrogateKind kind, OptionValues options)
        {
            var model = kind.Fit(kind is KrigingKind ? trials[trial].Data : trials[trial].Data.WithoutGradients(), options, cancellationToken);
            return new FittedSurrogate(kind, options, model);
        }

        int first = 0;
        if (resumeFrom is not null)
        {
            // The candidates tried before are taken as they came out; only the best one is fitted again, to have its model.
            if (resumeFrom.Trials > trials.Count || resumeFrom.Outcomes.Any(o => o.Trial < 0 || o.Trial >= resumeFrom.Trials))
                throw new ArgumentException("The checkpoint does not belong to this fit.", nameof(resumeFrom));
            foreach (var outcome in resumeFrom.Outcomes)
            {
                var (kind, options) = KindOf(trials[outcome.Trial]);
                table.Add(new SurrogateCandidate(kind!.Name, options!.All, outcome.LeaveOneOutRmse, outcome.Error, trials[outcome.Trial].Data.LowFidelity is not null));
                outcomes.Add(outcome);
            }
            if (resumeFrom.BestTrial is int trial)
            {
                var (kind, options) = KindOf(trials[trial]);
                (best, bestTrial, bestError) = (FitTrial(trial, kind!, options!), trial, outcomes.First(o => o.Trial == trial).LeaveOneOutRmse!.Value);
            }
            first = resumeFrom.Trials;
        }
        for (int trial = first; trial < trials.Count; trial++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (kind, options) = KindOf(trials[trial]);
            if (kind is null || options is null)
                continue;
            var trialData = trials[trial].Data;
            bool usesLowFidelity = trialData.LowFidelity is not null;
            if (trialData.Count < kind.MinimumPoints(trialData.Dimension))
            {
                Done(trial, new SurrogateCandidate(kind.Name, options.All, null, $"Needs at least {kind.MinimumPoints(trialData.Dimension)} points.", usesLowFidelity));
            }
            else if (LeftOut(kind, trialData) is { } reason)
            {
                Done(trial, new SurrogateCandidate(kind.Name, options.All, null, reason, usesLowFidelity));
            }
            else
            {
                progress?.Report(new FitProgress(FitProgress.Fitting, kind.Name, table.Count, trials.Count));
                try
                {
                    var fitted = FitTrial(trial, kind, options);
                    double? error = fitted.Model.Diagnostics.LeaveOneOutRmse;
                    Done(trial, new SurrogateCandidate(kind.Name, options.All, error, null, usesLowFidelity));
                    if (error is double e && double.IsFinite(e) && e < bestError)
                        (best, bestTrial, bestError) = (fitted, trial, e);
                }
                catch (SurrogateFitException ex)
                {
                    Done(trial, new SurrogateCandidate(kind.Name, options.All, null, ex.Message, usesLowFidelity));
                }
            }
            checkpoint?.Invoke(new AutoFitCheckpoint(trial + 1, [.. outcomes], bestTrial));
        }
        return best is null
            ? throw new SurrogateFitException("No candidate surrogate could be fitted to these points: " +
                string.Join("; ", table.Select(c => $"{c.Kind}{(c.UsesLowFidelity ? " with the low-fidelity data" : "")}: {c.Error}")))
            : best with { Candidates = table };
    }

    private static (ISurrogateKind? Kind, OptionValues? Options) KindOf((string Kind, Dictionary<string, object> Options, TrainingSet Data) trial)
    {
        var kind = SurrogateKinds.Find(trial.Kind);
        return kind is null ? (null, null) : (kind, new OptionValues(kind.Options, trial.Options));
    }
}

/// <summary>One candidate's outcome in <see cref="AutoFitCheckpoint"/>: its index among the trials, its leave-one-out error or why it failed.</summary>
public sealed record AutoFitOutcome(int Trial, double? LeaveOneOutRmse, string? Error);

/// <summary>
/// How far <see cref="AutoSurrogate.Select(TrainingSet, IProgress{FitProgress}?, AutoFitCheckpoint?, Action{AutoFitCheckpoint}?, CancellationToken)"/>
/// has come: the first <paramref name="Trials"/> candidates are tried, with these outcomes, and the best so far is
/// trial <paramref name="BestTrial"/>. Fits are deterministic, so a selection resumed from it (refitting the best)
/// returns the same model and table, bit for bit, as one never interrupted.
/// </summary>
public sealed record AutoFitCheckpoint(int Trials, AutoFitOutcome[] Outcomes, int? BestTrial);
