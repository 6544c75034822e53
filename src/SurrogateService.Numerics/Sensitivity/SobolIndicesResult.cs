namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// First-order and total Sobol' indices per input with their bootstrap confidence intervals, the
/// number of function evaluations spent, and warnings (e.g. a constant function, whose indices are all 0).
/// <see cref="Method"/> says how they were found: "saltelli" (sampling) or "polynomialChaos" (read off the
/// coefficients: exact for the model, zero-width intervals, no evaluations, with its mean and variance).
/// </summary>
public sealed record SobolIndicesResult(
    double[] FirstOrder,
    double[] Total,
    ConfidenceInterval[] FirstOrderIntervals,
    ConfidenceInterval[] TotalIntervals,
    long Evaluations,
    IReadOnlyList<string> Warnings)
{
    public string Method { get; init; } = SobolIndices.SamplingMethod;

    /// <summary>Mean of the model over the box, when the method gives it exactly.</summary>
    public double? Mean { get; init; }

    /// <summary>Variance of the model over the box, when the method gives it exactly.</summary>
    public double? Variance { get; init; }
}
