namespace SurrogateService.Numerics.Minimisation;

/// <summary>Settings for <see cref="ProjectedBfgs.Minimize"/>. Every setting has a usable default.</summary>
public sealed record ProjectedBfgsOptions
{
    /// <summary>Optional box [lower, upper] per coordinate; infinite entries leave a side open.</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <inheritdoc cref="LowerBounds"/>
    public IReadOnlyList<double>? UpperBounds { get; init; }

    /// <summary>
    /// Length (max norm) of the first trial step, taken along the steepest descent before any
    /// curvature is known. Choose it on the scale over which the objective changes appreciably.
    /// </summary>
    public double InitialStep { get; init; } = 1;

    /// <summary>Converged when every component of the projected gradient is at most this in magnitude…</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>…or when an iteration lowers f by at most this times max(1, |f|)…</summary>
    public double ValueTolerance { get; init; } = 1e-12;

    /// <summary>
    /// …or when an accepted step moves no coordinate by more than this. On an objective with
    /// rounding noise (an ill-conditioned matrix inside, say) this is the test that ends the run:
    /// near the minimum, noise keeps the value and gradient tests from ever being met.
    /// </summary>
    public double StepTolerance { get; init; } = 1e-12;

    public int MaxIterations { get; init; } = 200;

    /// <summary>Budget of objective evaluations (line-search trials included).</summary>
    public int MaxEvaluations { get; init; } = 1000;
}
