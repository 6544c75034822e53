using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Autoregressive co-Kriging of two fidelities in Le Gratiet &amp; Garnier's recursive form (Int. J.
/// Uncertainty Quantification 4(5), 2014; the model of Kennedy &amp; O'Hagan, Biometrika 87(1), 2000):
/// f_high(x) = ρ·f_low(x) + δ(x), with a Kriging model of the low-fidelity data, and a Kriging model of
/// the discrepancy δ fitted to y_high − ρ·ŷ_low(x_high). The mean β₀ of δ and the scale ρ are
/// generalised least-squares estimates, concentrated out of the likelihood that δ's hyperparameters
/// maximise (the trend [1, ŷ_low(x_high)] of the high level). Predictions are ρ·ŷ_low + ŷ_δ.
/// </summary>
/// <remarks>
/// The variance counts that β₀, ρ and θ are estimated. β₀ and ρ as Le Gratiet measures it (Le Gratiet, "Bayesian
/// analysis of hierarchical multifidelity codes", SIAM/ASA J. Uncertainty Quantification 1, 2013; Le Gratiet &amp;
/// Cannamela, Technometrics 57(3), 2015): s² = (ρ² + σ²_ρ)·s²_low + σ²_δ·c(x), with c(x) the universal-Kriging
/// factor of the regressors [1, ŷ_low] (<see cref="KrigingModel.UniversalVarianceFactors"/>),
/// σ²_ρ = σ²_δ·[(HᵀK⁻¹H)⁻¹]_ρρ the variance of ρ, and σ²_δ = Q/(n − 2), the residual sum of squares over
/// the degrees of freedom the two regression coefficients leave (the maximum-likelihood Q/n is biased low
/// by n/(n − 2), which matters with the few high-fidelity points co-Kriging is for). θ of the discrepancy
/// is integrated out (<see cref="DiscrepancyThetaAverage"/>, with p too for the power-exponential kernel) with 3 to
/// <see cref="KrigingThetaQuadrature.MaximumPoints"/> high-fidelity points; without that the 95 % intervals covered about half of
/// Currin's function with 10 points. θ of the low level is integrated out in the same way with up to that many low-fidelity
/// points (<see cref="LowFidelityThetaAverage"/>), and s_low in the variance is then that mixture's.
/// </remarks>
public sealed class CoKrigingModel : ISurrogateModel, IDifferentiableModel
{
    /// <summary>The prefix of the low-fidelity model's parameters in an exported document.</summary>
    public const string LowPrefix = "low.";

    public const string ScaleName = "rho";

    /// <summary>ŷ_low at the high-fidelity points: the second column of the discrepancy's regressors.</summary>
    private readonly double[] _lowAtHigh;

    /// <summary>[(HᵀK⁻¹H)⁻¹]_ρρ: the variance of ρ is σ²_δ times it.</summary>
    private readonly double _scaleVarianceFactor;

    /// <summary>The variance with θ of δ integrated out, built when standard errors are first asked for (predictions do not need it); null where it does not apply.</summary>
    private readonly Lazy<DiscrepancyThetaAverage?>? _thetaAverage;

    /// <summary>The low level's variance with its θ integrated out, built like <see cref="_thetaAverage"/>; null where it does not apply.</summary>
    private readonly Lazy<LowFidelityThetaAverage?>? _lowAverage;

    private CoKrigingModel(TrainingSet data, KrigingModel low, KrigingModel discrepancy, double scale, double[] lowAtHigh)
    {
        Data = data;
        Low = low;
        Discrepancy = discrepancy;
        Scale = scale;
        _lowAtHigh = lowAtHigh;
        _scaleVarianceFactor = discrepancy.TrendSlopeVarianceFactor(lowAtHigh);
        int n = data.Count;
        // Two regression coefficients leave n − 2 degrees of freedom; with none left, Q is 0 and so is σ²_δ.
        DiscrepancyVarianceScale = n > 2 ? discrepancy.ProcessVariance * n / (n - 2) : discrepancy.ProcessVariance;
        if (KrigingThetaQuadrature.Applies(low.Data, low))
            _lowAverage = new Lazy<LowFidelityThetaAverage?>(() => LowFidelityThetaAverage.Build(low));
        if (KrigingThetaQuadrature.Applies(data, discrepancy))
            _thetaAverage = new Lazy<DiscrepancyThetaAverage?>(() => DiscrepancyThetaAverage.Build(data, lowAtHigh, discrepancy));
    }

    /// <summary>The high-fidelity data, with the low-fidelity data attached.</summary>
    public TrainingSet Data { get; }

    /// <summary>
    /// The discrepancy model's diagnostics (its leave-one-out error is that of the high-fidelity predictions
    /// with ŷ_low held), with a warning where θ of δ is plugged in (see <see cref="ThetaKnownWarning"/>).
    /// </summary>
    public FitDiagnostics Diagnostics => _thetaAverage is null
        ? Discrepancy.Diagnostics with { Warnings = [.. Discrepancy.Diagnostics.Warnings, ThetaKnownWarning] }
        : Discrepancy.Diagnostics;

    /// <summary>
    /// Where θ of δ is not integrated out (see <see cref="KrigingThetaQuadrature.Applies"/>). Measured by
    /// CoKrigingCoverageTests with θ plugged in: 95 % intervals covered about 50 % of Currin's function with 10
    /// high- and 100 low-fidelity points; the coverage with more points than the limit has not been measured.
    /// </summary>
    public static readonly string ThetaKnownWarning =
        "The standard errors treat the discrepancy's correlation parameters as known: they are integrated out only with 3 to " +
        $"{KrigingThetaQuadrature.MaximumPoints} high-fidelity points and without known noise variances. With few points such standard errors are " +
        "too small (95 % intervals covered about 50 % of the truth on Currin's pair with 10 high- and 100 low-fidelity points).";

    /// <summary>
    /// The high-fidelity level's share of a standard error's cost, in n²-solves per point: one for each quadrature node
    /// of θ kept (<see cref="DiscrepancyThetaAverage"/>), at most 2.56e4 or 257·n².
    /// </summary>
    public static double HighFidelityStandardErrorWork(int highCount) => KrigingThetaQuadrature.WorkPerPointBound(highCount);

    /// <summary>The low level's share, in n_low²-solves per point, bounded in the same way (<see cref="LowFidelityThetaAverage"/>).</summary>
    public static double LowFidelityStandardErrorWork(int lowCount) => KrigingThetaQuadrature.WorkPerPointBound(lowCount);

    public KrigingModel Low { get; }

    public KrigingModel Discrepancy { get; }

    /// <summary>ρ, the scale of the low fidelity in the high one.</summary>
    public double Scale { get; }

    /// <summary>σ²_δ = Q/(n − 2), the discrepancy's process variance with the degrees of freedom of its two regressors.</summary>
    public double DiscrepancyVarianceScale { get; }

    /// <summary>
    /// Fits both levels: <paramref name="fit"/> fits one Kriging model with the kind's options, its
    /// likelihood search (if any) with the given second regressor of the mean.
    /// </summary>
    internal static CoKrigingModel Fit(TrainingSet data, Func<TrainingSet, double[]?, KrigingModel> fit)
    {
        var low = FitLow(data.LowFidelity!, level => fit(level, null));
        var lowAtHigh = PredictLow(low, data);
        var first = fit(data, lowAtHigh);
        double scale = first.GeneralisedLeastSquares(data.Values, lowAtHigh).Slope;
        var discrepancy = KrigingModel.WithNugget(DiscrepancyData(data, lowAtHigh, scale), new KrigingCorrelation(first.Shape, first.Theta.ToArray(), first.P.ToArray()),
            first.Nugget, first.Noise, first.NoiseParameter, first.Diagnostics.Warnings);
        return new CoKrigingModel(data, low, discrepancy, scale, lowAtHigh);
    }

    /// <summary>Errors about the low-fidelity data name its fields (options are shared by both levels).</summary>
    private static KrigingModel FitLow(TrainingSet low, Func<TrainingSet, KrigingModel> fit)
    {
        try
        {
            return fit(low);
        }
        catch (SurrogateFitException error) when (error.Field is null or "points" or "values")
        {
            throw new SurrogateFitException("Low-fidelity data: " + error.Message, error) { Field = "lowFidelity." + (error.Field ?? "points") };
        }
    }

    /// <summary>Rebuilds both levels from exported parameters: <paramref name="restore"/> restores one Kriging model.</summary>
    internal static CoKrigingModel Restore(TrainingSet data, IReadOnlyDictionary<string, double[]> parameters,
        Func<TrainingSet, IReadOnlyDictionary<string, double[]>, string, KrigingModel> restore)
    {
        var lowParameters = parameters.Where(p => p.Key.StartsWith(LowPrefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[LowPrefix.Length..], p => p.Value, StringComparer.Ordinal);
        var highParameters = parameters.Where(p => !p.Key.StartsWith(LowPrefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        if (!highParameters.Remove(ScaleName, out var scale) || scale is not [var rho] || !double.IsFinite(rho))
            throw new SurrogateFitException($"Parameter '{ScaleName}' must be one finite number.") { Field = "parameters." + ScaleName };
        var low = restore(data.LowFidelity!, lowParameters, "parameters." + LowPrefix);
        var lowAtHigh = PredictLow(low, data);
        var discrepancy = restore(DiscrepancyData(data, lowAtHigh, rho), highParameters, "parameters.");
        return new CoKrigingModel(data, low, discrepancy, rho, lowAtHigh);
    }

    public void Predict(PointSet points, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(points);
        var discrepancy = new double[points.Count];
        Low.Predict(points, values);
        Discrepancy.Predict(points, discrepancy);
        for (int k = 0; k < values.Length; k++)
            values[k] = Scale * values[k] + discrepancy[k];
    }

    public void StandardError(PointSet points, Span<double> standardErrors)
    {
        ArgumentNullException.ThrowIfNull(points);
        var low = new double[points.Count];
        var lowValues = new double[points.Count];
        Low.Predict(points, lowValues);
        LowStandardError(points, lowValues, low);
        if (_thetaAverage?.Value is { } average)
        {
            var predicted = new double[points.Count];
            Predict(points, predicted);
            average.Variances(points, lowValues, low, predicted, standardErrors);
            for (int k = 0; k < standardErrors.Length; k++)
                standardErrors[k] = Math.Sqrt(standardErrors[k]);
            return;
        }
        PlugInStandardError(points, low, standardErrors);
    }

    /// <summary>s_low at the points, with θ of the low level integrated out where that applies (ŷ_low given).</summary>
    private void LowStandardError(PointSet points, ReadOnlySpan<double> lowValues, Span<double> standardErrors)
    {
        if (_lowAverage?.Value is not { } average)
        {
            Low.StandardError(points, standardErrors);
            return;
        }
        average.Variances(points, lowValues, standardErrors);
        for (int k = 0; k < standardErrors.Length; k++)
            standardErrors[k] = Math.Sqrt(standardErrors[k]);
    }

    /// <summary>The standard error with θ̂ of δ plugged in, given s_low at the points.</summary>
    internal void PlugInStandardError(PointSet points, ReadOnlySpan<double> low, Span<double> standardErrors)
    {
        ParallelBatches.Run(points, standardErrors, DiscrepancyVariance);
        double scaleSquared = Scale * Scale + DiscrepancyVarianceScale * _scaleVarianceFactor;
        for (int k = 0; k < standardErrors.Length; k++)
            standardErrors[k] = Math.Sqrt(scaleSquared * low[k] * low[k] + standardErrors[k]);
    }

    /// <summary>The discrepancy's universal-Kriging variance with the regressors [1, ŷ_low] at a slice of points.</summary>
    private void DiscrepancyVariance(PointSet points, Span<double> variances)
    {
        var lowAtPoints = new double[points.Count];
        Low.Predict(points, lowAtPoints);
        Discrepancy.UniversalVarianceFactors(points, _lowAtHigh, lowAtPoints, variances);
        for (int k = 0; k < variances.Length; k++)
            variances[k] *= DiscrepancyVarianceScale;
    }

    /// <summary>∇ŷ = ρ·∇ŷ_low + ∇ŷ_δ.</summary>
    public void Gradient(PointSet points, Span<double> gradients)
    {
        var discrepancy = new double[gradients.Length];
        Low.Gradient(points, gradients);
        Discrepancy.Gradient(points, discrepancy);
        for (int k = 0; k < gradients.Length; k++)
            gradients[k] = Scale * gradients[k] + discrepancy[k];
    }

    /// <summary>The discrepancy's parameters, "rho", and the low-fidelity model's under "low.".</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]>(Discrepancy.ExportParameters(), StringComparer.Ordinal) { [ScaleName] = [Scale] };
        foreach (var (name, value) in Low.ExportParameters())
            parameters[LowPrefix + name] = value;
        return parameters;
    }

    private static double[] PredictLow(KrigingModel low, TrainingSet data)
    {
        var values = new double[data.Count];
        low.Predict(data.Points, values);
        return values;
    }

    private static TrainingSet DiscrepancyData(TrainingSet data, double[] lowAtHigh, double scale)
    {
        var residual = new double[data.Count];
        for (int i = 0; i < residual.Length; i++)
            residual[i] = data.Values[i] - scale * lowAtHigh[i];
        return new TrainingSet(data.Points, residual, data.Box, data.NoiseVariances);
    }
}
