namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The best successful evaluation so far. With a noisy surrogate it is a point of best posterior mean
/// instead (<see cref="IsPosteriorMean"/>): <see cref="Value"/> is then that mean and <see cref="ObservedValue"/>
/// what was observed there (the mean of the observations when the point was evaluated more than once).
/// </summary>
public sealed record Incumbent(double[] Point, double Value, double? ObservedValue = null, bool IsPosteriorMean = false);
