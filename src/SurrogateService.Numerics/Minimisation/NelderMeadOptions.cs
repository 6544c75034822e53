namespace SurrogateService.Numerics.Minimisation;

/// <summary>Settings for <see cref="NelderMead.Minimize"/>. Every setting has a usable default.</summary>
public sealed record NelderMeadOptions
{
    /// <summary>
    /// Edge lengths of the start simplex, one per coordinate; by default 0.1·max(1, |x0_j|).
    /// Choose them on the scale over which the objective changes appreciably.
    /// </summary>
    public IReadOnlyList<double>? InitialSteps { get; init; }

    /// <summary>Optional box: every trial point is projected into it before it is evaluated.</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <inheritdoc cref="LowerBounds"/>
    public IReadOnlyList<double>? UpperBounds { get; init; }

    /// <summary>Budget of objective evaluations; 0 means 200 per coordinate.</summary>
    public int MaxEvaluations { get; init; }

    /// <summary>Converged when every vertex lies within this distance (max norm) of the best one…</summary>
    public double PointTolerance { get; init; } = 1e-6;

    /// <summary>…and every vertex value within this of the best value.</summary>
    public double ValueTolerance { get; init; } = 1e-10;
}
