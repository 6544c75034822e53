using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Fits one kind and says so before and after: the single-kind counterpart of <see cref="AutoSurrogate.Select"/>.</summary>
public static class SurrogateFitting
{
    /// <param name="phases">Where a kind with phases (<see cref="IPhasedSurrogateKind"/>) keeps them, or null; a resumed fit does not report its start again.</param>
    /// <exception cref="SurrogateFitException">The data cannot be fitted.</exception>
    public static FittedSurrogate Fit(
        ISurrogateKind kind, TrainingSet data, OptionValues options, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default,
        FitPhases? phases = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (phases?.IsResumed != true)
            progress?.Report(new FitProgress(FitProgress.Fitting, kind.Name, 0, 1));
        var model = kind is IPhasedSurrogateKind phased && phases is not null
            ? phased.Fit(data, options, phases, cancellationToken)
            : kind.Fit(data, options, cancellationToken);
        progress?.Report(new FitProgress(FitProgress.Fitted, kind.Name, 1, 1, model.Diagnostics.LeaveOneOutRmse));
        return new FittedSurrogate(kind, options, model);
    }
}
