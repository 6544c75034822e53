namespace SurrogateService.Numerics.Optimization;

/// <summary>The best successful evaluation so far.</summary>
public sealed record Incumbent(double[] Point, double Value);
