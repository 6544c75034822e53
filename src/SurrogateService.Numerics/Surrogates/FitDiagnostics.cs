namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// How good and how healthy a fit is. Fields that do not apply to a kind stay null.
/// Warnings say in words what the numbers mean (e.g. an ill-conditioned system), so nothing is silently wrong.
/// </summary>
public sealed record FitDiagnostics
{
    /// <summary>Root mean square leave-one-out cross-validation error.</summary>
    public double? LeaveOneOutRmse { get; init; }

    /// <summary>2-norm condition number (or a reliable estimate) of the system that was solved.</summary>
    public double? ConditionNumber { get; init; }

    /// <summary>The regularisation added to the diagonal, if any.</summary>
    public double? Nugget { get; init; }

    /// <summary>Concentrated log-likelihood (Kriging).</summary>
    public double? LogLikelihood { get; init; }

    /// <summary>Final training loss (neural network; standardised units).</summary>
    public double? TrainingLoss { get; init; }

    /// <summary>Training loss per epoch, thinned to at most a few hundred entries (neural network).</summary>
    public IReadOnlyList<double>? LossCurve { get; init; }

    /// <summary>Degree, terms, corrected leave-one-out error, mean and variance (polynomial chaos).</summary>
    public PolynomialChaosDiagnostics? PolynomialChaos { get; init; }

    /// <summary>Human-readable warnings about the fit.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
