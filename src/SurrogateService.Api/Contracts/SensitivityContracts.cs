namespace SurrogateService.Api.Contracts;

/// <summary>
/// Sobol' indices of a model over its own box: a stored model (<c>modelId</c>), a fitted-model document
/// (<c>model</c>) or a fit request (<c>fit</c>), exactly one; <c>samples</c> is the base sample size N (N·(d + 2) predictions).
/// </summary>
public sealed record SobolRequest(
    ModelDocument? Model,
    FitRequest? Fit,
    int? Samples,
    int? Bootstrap,
    double? ConfidenceLevel,
    long? Seed,
    string? ModelId = null)
{
    public const int DefaultSamples = 4096;
    public const int DefaultBootstrap = 200;
    public const double DefaultConfidenceLevel = 0.95;
}

/// <summary>
/// First-order and total indices per input, with bootstrap confidence intervals <c>[[lower, upper], …]</c>.
/// <c>method</c> is "saltelli" (sampled on the model) or "polynomialChaos" (read off a polynomial chaos
/// model's coefficients: exact for the model, zero-width intervals, no evaluations, and the model's
/// <c>mean</c> and <c>variance</c>, which are null for sampling).
/// </summary>
public sealed record SobolResponse(
    double[] FirstOrder,
    double[] Total,
    double[][] FirstOrderInterval,
    double[][] TotalInterval,
    long Evaluations,
    IReadOnlyList<string> Warnings,
    string Method,
    double? Mean,
    double? Variance);
