namespace SurrogateService.Numerics.Sensitivity;

/// <summary>A two-sided confidence interval [Lower, Upper].</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper);
