namespace SurrogateService.Numerics.Sensitivity;

/// <summary>
/// First-order and total Sobol' indices per input with their bootstrap confidence intervals, the
/// number of function evaluations spent, and warnings (e.g. a constant function, whose indices are all 0).
/// </summary>
public sealed record SobolIndicesResult(
    double[] FirstOrder,
    double[] Total,
    ConfidenceInterval[] FirstOrderIntervals,
    ConfidenceInterval[] TotalIntervals,
    long Evaluations,
    IReadOnlyList<string> Warnings);
