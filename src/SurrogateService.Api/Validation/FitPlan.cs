using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// A validated fit: the data and either a kind with its options or, when <see cref="Kind"/> is
/// null, the automatic choice. Fitting can still fail on the data (duplicates, a singular system);
/// that becomes a field error under <see cref="Prefix"/>.
/// </summary>
public sealed record FitPlan(TrainingSet Data, string Prefix, ISurrogateKind? Kind, OptionValues? Options)
{
    /// <param name="checkpoints">
    /// A job's checkpoints (null synchronously): the automatic choice stores one after every candidate and resumes from it;
    /// a single kind's fit stores one after each of its hyperparameter searches (Kriging's, see <see cref="FitPhases"/>) and resumes after the last.
    /// </param>
    public FittedSurrogate? Fit(RequestErrors errors, IProgress<FitProgress>? progress, CancellationToken cancellationToken, Work.IWorkCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var fitted = Kind is null || Options is null
                ? AutoSurrogate.Select(Data, progress, checkpoints?.ResumeState<AutoFitCheckpoint>(), checkpoints is null ? null : checkpoints.Checkpoint, cancellationToken)
                : SurrogateFitting.Fit(Kind, Data, Options, progress, cancellationToken, PhasesOf(checkpoints));
            Hosting.ServiceMetrics.SurrogateFitted(fitted.Kind.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return fitted;
        }
        catch (SurrogateFitException ex)
        {
            errors.Add(Prefix + (ex.Field ?? "points"), ex.Message);
            return null;
        }
    }

    private static FitPhases? PhasesOf(Work.IWorkCheckpoints? checkpoints) => checkpoints is null ? null
        : new FitPhases(checkpoints.ResumeState<FitPhasesCheckpoint>()?.Searches, searches => checkpoints.Checkpoint(new FitPhasesCheckpoint(searches)));

    /// <summary>A single kind's fit as a job's checkpoint: the hyperparameter searches it has finished.</summary>
    public sealed record FitPhasesCheckpoint(IReadOnlyList<KrigingSearchResult> Searches);
}
