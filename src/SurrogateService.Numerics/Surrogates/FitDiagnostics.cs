namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// How good and how healthy a fit is. Fields that do not apply to a kind stay null.
/// Warnings say in words what the numbers mean (e.g. an ill-conditioned system), so nothing is silently wrong.
/// </summary>
public sealed record FitDiagnostics
{
    /// <summary>
    /// <see cref="CrossValidation"/> names the method used instead of leave-one-out, for kinds where refitting n times
    /// would cost too much.
    /// </summary>
    public const string OutOfBag = "outOfBag";

    /// <summary>Root mean square leave-one-out cross-validation error (or that of <see cref="CrossValidation"/> when it is set).</summary>
    public double? LeaveOneOutRmse { get; init; }

    /// <summary>
    /// How <see cref="LeaveOneOutRmse"/> was estimated when not by leaving out one point at a time: "outOfBag" (random
    /// forest: each point predicted by the trees whose resample missed it) or "{k}-fold"; null for leave-one-out.
    /// </summary>
    public string? CrossValidation { get; init; }

    /// <summary>The <see cref="CrossValidation"/> name of k-fold cross-validation.</summary>
    public static string Folds(int k) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{k}-fold");

    /// <summary>2-norm condition number (or a reliable estimate) of the system that was solved.</summary>
    public double? ConditionNumber { get; init; }

    /// <summary>The regularisation added to the diagonal, if any.</summary>
    public double? Nugget { get; init; }

    /// <summary>Concentrated log-likelihood (Kriging).</summary>
    public double? LogLikelihood { get; init; }

    /// <summary>Mean of the leave-one-out residuals divided by their predicted standard deviations: about 0 when the uncertainty is honest (Kriging).</summary>
    public double? LeaveOneOutStandardisedMean { get; init; }

    /// <summary>Standard deviation of those standardised residuals: about 1 when the uncertainty is honest, above 1 when it is overconfident (Kriging).</summary>
    public double? LeaveOneOutStandardisedSpread { get; init; }

    /// <summary>The correlation decays θ_l in use (Kriging).</summary>
    public IReadOnlyList<double>? Theta { get; init; }

    /// <summary>σ², the process variance (Kriging).</summary>
    public double? ProcessVariance { get; init; }

    /// <summary>τ², the noise variance of the values, fitted or known; null when there is none or it varies by point (Kriging).</summary>
    public double? NoiseVariance { get; init; }

    /// <summary>Final training loss (neural network; standardised units).</summary>
    public double? TrainingLoss { get; init; }

    /// <summary>Training loss per epoch, thinned to at most a few hundred entries (neural network).</summary>
    public IReadOnlyList<double>? LossCurve { get; init; }

    /// <summary>Degree, terms, corrected leave-one-out error, mean and variance (polynomial chaos).</summary>
    public PolynomialChaosDiagnostics? PolynomialChaos { get; init; }

    /// <summary>Clusters, gating and experts (mixture of experts).</summary>
    public MixtureOfExpertsDiagnostics? MixtureOfExperts { get; init; }

    /// <summary>What was approximated and how, in words; null for an exact fit (Kriging's nearest-neighbour approximation).</summary>
    public string? Approximation { get; init; }

    /// <summary>The polynomial trend a nearest-neighbour Kriging fit chose and its held-out errors; null without one.</summary>
    public TrendDiagnostics? Trend { get; init; }

    /// <summary>Human-readable warnings about the fit.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
