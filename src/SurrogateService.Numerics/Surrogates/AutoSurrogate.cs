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
        "Fits Kriging (maximum likelihood), radial bases (thin-plate, cubic, multiquadric), second-order polynomial, sparse polynomial chaos, inverse distance, random forest and gradient boosting, and keeps the one with the lowest leave-one-out RMSE (out-of-bag for the forest, 5-fold for boosting); the diagnostics list every candidate. " +
        "With gradients, Kriging uses them (gradient-enhanced, its leave-one-out error leaving out each point with its gradient) and the others fit the values. " +
        "With lowFidelity data, the candidates fit the high-fidelity data alone and Kriging once more with both (co-Kriging, without the gradients).";

    private static readonly (string Kind, Dictionary<string, object> Options)[] Candidates =
    [
        ("kriging", []),
        ("radialBasis", new() { ["kernel"] = "thinPlate" }),
        ("radialBasis", new() { ["kernel"] = "cubic" }),
        ("radialBasis", new() { ["kernel"] = "multiquadric" }),
        ("secondOrder", []),
        ("polynomialChaos", []),
        ("inverseDistance", []),
        ("randomForest", []),
        ("gradientBoosting", []),
    ];

    /// <summary>Fits every candidate and returns the best, with the table of all of them.</summary>
    /// <exception cref="SurrogateFitException">No candidate could be fitted.</exception>
    /// <param name="progress">Told before and after every candidate.</param>
    public static FittedSurrogate Select(TrainingSet data, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var highOnly = data.LowFidelity is null ? data : new TrainingSet(data.Points, data.Values, data.Box, data.NoiseVariances, gradients: data.Gradients);
        var trials = Candidates.Select(c => (c.Kind, c.Options, Data: highOnly)).ToList();
        if (data.LowFidelity is not null)
            trials.Add(("kriging", [], data.WithoutGradients()));
        var table = new List<SurrogateCandidate>();
        void Done(SurrogateCandidate candidate) =>
            progress?.Report(new FitProgress(FitProgress.Fitted, candidate.Kind, table.Count, trials.Count, candidate.LeaveOneOutRmse, candidate.Error));
        FittedSurrogate? best = null;
        double bestError = double.PositiveInfinity;
        foreach (var (kindName, given, trialData) in trials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = SurrogateKinds.Find(kindName);
            if (kind is null)
                continue;
            var options = new OptionValues(kind.Options, given);
            bool usesLowFidelity = trialData.LowFidelity is not null;
            if (trialData.Count < kind.MinimumPoints(trialData.Dimension))
            {
                table.Add(new SurrogateCandidate(kind.Name, options.All, null, $"Needs at least {kind.MinimumPoints(trialData.Dimension)} points.", usesLowFidelity));
                Done(table[^1]);
                continue;
            }
            progress?.Report(new FitProgress(FitProgress.Fitting, kind.Name, table.Count, trials.Count));
            try
            {
                var model = kind.Fit(kind is KrigingKind ? trialData : trialData.WithoutGradients(), options, cancellationToken);
                double? error = model.Diagnostics.LeaveOneOutRmse;
                table.Add(new SurrogateCandidate(kind.Name, options.All, error, null, usesLowFidelity));
                Done(table[^1]);
                if (error is double e && double.IsFinite(e) && e < bestError)
                {
                    bestError = e;
                    best = new FittedSurrogate(kind, options, model);
                }
            }
            catch (SurrogateFitException ex)
            {
                table.Add(new SurrogateCandidate(kind.Name, options.All, null, ex.Message, usesLowFidelity));
                Done(table[^1]);
            }
        }
        return best is null
            ? throw new SurrogateFitException("No candidate surrogate could be fitted to these points: " +
                string.Join("; ", table.Select(c => $"{c.Kind}{(c.UsesLowFidelity ? " with the low-fidelity data" : "")}: {c.Error}")))
            : best with { Candidates = table };
    }
}
