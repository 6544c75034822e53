namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// What a strategy remembers between ask–tell calls. The service keeps no state: the client
/// receives this with every suggestion and sends it back with the next request (none on the first).
/// Fields a strategy does not use stay null.
/// </summary>
public sealed record OptimizerState
{
    /// <summary>The strategy that wrote the state; a state only goes back to the same strategy.</summary>
    public required string Strategy { get; init; }

    /// <summary>Suggest calls answered so far.</summary>
    public int Iteration { get; init; }

    /// <summary>The incumbent value the previous call saw (null while nothing had succeeded).</summary>
    public double? BestValue { get; init; }

    /// <summary>srbf/dycors: σ, the standard deviation of the candidate perturbations as a fraction of each box width; turbo: the trust region's edge L in box widths.</summary>
    public double? StepSize { get; init; }

    /// <summary>srbf/dycors/turbo: consecutive calls whose previous batch improved the incumbent (turbo: the local run's best).</summary>
    public int? Successes { get; init; }

    /// <summary>srbf/dycors/turbo: consecutive calls whose previous batch did not improve the incumbent (turbo: the local run's best).</summary>
    public int? Failures { get; init; }

    /// <summary>srbf/dycors: position in the weight cycle [0.3, 0.5, 0.7, 0.95] of the next point.</summary>
    public int? CycleIndex { get; init; }

    /// <summary>dycors: how many points were known at the first call (n₀ of the perturbation-probability schedule); turbo: the index of the current local run's first point.</summary>
    public int? InitialPoints { get; init; }

    /// <summary>ei/lcb/turbo: the Kriging θ of the previous fit, kept or the start of the next likelihood search.</summary>
    public double[]? Theta { get; init; }

    /// <summary>ei/lcb/turbo: how many successful evaluations θ was last searched on (present together with <see cref="Theta"/>).</summary>
    public int? ThetaPoints { get; init; }

    /// <summary>ehvi: the Kriging θ of each objective's previous fit (present together with <see cref="ThetaPoints"/>).</summary>
    public double[][]? ObjectiveThetas { get; init; }
}
