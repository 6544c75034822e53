namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Progress of a fit: <see cref="Fitting"/> when a kind starts, <see cref="Fitted"/> when it is done
/// (with its leave-one-out RMSE, or why it failed). Completed/Total count the kinds: one, or the
/// candidates of <see cref="AutoSurrogate"/>.
/// </summary>
public sealed record FitProgress(string Stage, string Kind, int Completed, int Total, double? LeaveOneOutRmse = null, string? Error = null)
{
    public const string Fitting = "fitting";
    public const string Fitted = "fitted";
}
