namespace SurrogateService.Api.Contracts;

/// <summary>
/// Sobol' indices of a model over its own box: a fitted-model document (<c>model</c>) or a fit
/// request (<c>fit</c>); <c>samples</c> is the base sample size N (N·(d + 2) predictions).
/// </summary>
public sealed record SobolRequest(
    ModelDocument? Model,
    FitRequest? Fit,
    int? Samples,
    int? Bootstrap,
    double? ConfidenceLevel,
    long? Seed)
{
    public const int DefaultSamples = 4096;
    public const int DefaultBootstrap = 200;
    public const double DefaultConfidenceLevel = 0.95;
}

/// <summary>First-order and total indices per input, with bootstrap confidence intervals <c>[[lower, upper], …]</c>.</summary>
public sealed record SobolResponse(
    double[] FirstOrder,
    double[] Total,
    double[][] FirstOrderInterval,
    double[][] TotalInterval,
    long Evaluations,
    IReadOnlyList<string> Warnings);
