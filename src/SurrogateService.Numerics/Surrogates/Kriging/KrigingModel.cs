using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fitted ordinary Kriging model: ŷ(v) = μ + rᵀb with r_i = corr(v, x_i) and b = K⁻¹(y − μ1),
/// K = R + Λ + νI (relative noise Λ, see <see cref="KrigingNoise"/>, and the nugget ν), and the
/// textbook standard error s²(v) = σ²·(1 − rᵀK⁻¹r + (1 − 1ᵀK⁻¹r)²/1ᵀK⁻¹1) (Jones 2001). r never
/// holds the diagonal, so with noise ŷ and s are of the noise-free function (Rasmussen &amp;
/// Williams 2006, eqs. 2.22–2.24, with the mean estimated); a new observation adds τ².
/// </summary>
public sealed partial class KrigingModel : ISurrogateModel, IDifferentiableModel
{
    private readonly KrigingCorrelation _correlation;
    private readonly Cholesky _factor;
    private readonly double[] _weights;
    private readonly double[] _whitenedOnes;
    private readonly double _onesPrecision;

    /// <summary>The training points dimension-major, for <see cref="KrigingCorrelation.FillColumn"/>: n·d doubles, a few percent of the factor.</summary>
    private readonly double[] _trainingByDimension;

    /// <summary>Beyond this condition number of K rounding may cost predictions more than half their digits: the fit warns.</summary>
    public const double IllConditioned = 1e12;

    private KrigingModel(TrainingSet data, KrigingCorrelation correlation, RegularisedFactor regularised, KrigingNoise noise, double noiseParameter, IReadOnlyList<string> warnings)
    {
        Data = data;
        _correlation = correlation;
        _trainingByDimension = KrigingCorrelation.Transpose(data.Points, 0, data.Count);
        _factor = regularised.Factor;
        Nugget = regularised.Nugget;
        Noise = noise;
        NoiseParameter = noiseParameter;
        var fit = KrigingLikelihood.Concentrate(_factor, data.Values, noise.Mode == NoiseMode.Known ? noiseParameter : null);
        Mean = fit.Mean;
        ProcessVariance = fit.ProcessVariance;
        _whitenedOnes = fit.WhitenedOnes;
        _onesPrecision = VectorKernels.Dot(_whitenedOnes, _whitenedOnes);
        _weights = fit.WhitenedResidual;
        _factor.BackSubstitute(_weights);
        // An estimate: λmax by an upper bound tight to 1 %, λmin by an inverse-iteration Rayleigh
        // quotient (see KrigingRegularisation), which is high only when the smallest eigenvalues cluster.
        double? condition = FiniteOrNull(regularised.LargestEigenvalueBound / SymmetricEigenvalueEstimates.SmallestEstimate(_factor));
        var diagonal = new double[data.Count];
        KrigingLikelihood.FillDiagonal(diagonal, noise, Nugget, noiseParameter);
        RoundingError = MeasureRoundingError(diagonal);
        var leaveOneOut = LeaveOneOut();
        bool constant = Array.TrueForAll(data.Values, v => v == data.Values[0]);
        Diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = FiniteOrNull(leaveOneOut.Rmse),
            LeaveOneOutStandardisedMean = constant ? null : FiniteOrNull(leaveOneOut.StandardisedMean),
            LeaveOneOutStandardisedSpread = constant ? null : FiniteOrNull(leaveOneOut.StandardisedSpread),
            ConditionNumber = condition,
            Nugget = Nugget,
            // Constant data make σ² = 0 (up to rounding) and the likelihood unbounded: no value worth reporting.
            LogLikelihood = constant ? null : fit.LogLikelihood,
            Theta = Theta.ToArray(),
            ProcessVariance = ProcessVariance,
            NoiseVariance = noise.Mode == NoiseMode.None ? null : ObservationNoiseVariance,
            Warnings = condition is not <= IllConditioned
                ? [.. warnings, .. RoundingWarnings(), string.Create(CultureInfo.InvariantCulture,
                    $"The correlation matrix is ill-conditioned (condition number about {condition ?? double.PositiveInfinity:E1} with the nugget {Nugget:G3}): the correlations are very smooth (long correlation lengths, which maximum likelihood prefers for smooth data, or points very close together). Predictions and standard errors may lose digits to rounding (at the training points it changed the values by {RoundingError:G2} of their spread); a larger 'nugget' option, or noise, trades exact interpolation for stability.")]
                : [.. warnings, .. RoundingWarnings()],
        };
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public KernelShape Shape => _correlation.Shape;

    /// <summary>θ_l of the correlation, one per dimension.</summary>
    public ReadOnlySpan<double> Theta => _correlation.Theta;

    /// <summary>p_l of the correlation, one per dimension (2 for every kernel but the power exponential).</summary>
    public ReadOnlySpan<double> P => _correlation.P;

    /// <summary>The jitter ν added to the diagonal of K.</summary>
    public double Nugget { get; }

    public KrigingNoise Noise { get; }

    /// <summary>η of <see cref="KrigingNoise"/>: λ = τ²/σ² for fitted noise, σ² for known noise, 0 without.</summary>
    public double NoiseParameter { get; }

    /// <summary>μ, the generalised least-squares mean.</summary>
    public double Mean { get; }

    /// <summary>σ², the process variance.</summary>
    public double ProcessVariance { get; }

    /// <summary>
    /// τ², the variance of a new observation's noise: fitted (λσ²), the one known value, 0 without
    /// noise; null when the known variances differ from point to point (the noise at a new point is unknown).
    /// </summary>
    public double? ObservationNoiseVariance => Noise.Mode switch
    {
        NoiseMode.Fit => NoiseParameter * ProcessVariance,
        NoiseMode.Known => Noise.IsHomoscedastic ? Noise.Variances![0] : null,
        _ => 0,
    };

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, PredictSequentially);
    }

    private void PredictSequentially(PointSet points, Span<double> values)
    {
        var workspace = new BlockWorkspace(Data.Count, Data.Dimension, points.Count);
        for (int first = 0; first < points.Count; first += KrigingCorrelation.BlockSize)
        {
            int m = Math.Min(KrigingCorrelation.BlockSize, points.Count - first);
            Span<double> block = workspace.Correlations(this, points, first, m);
            Span<double> output = values.Slice(first, m);
            output.Fill(Mean);
            for (int i = 0; i < Data.Count; i++)
                VectorKernels.AddScaled(output, _weights[i], block.Slice(i * m, m));
        }
    }

    public void StandardError(PointSet points, Span<double> standardErrors)
    {
        PredictionArguments.Check(Data, points, standardErrors.Length);
        ParallelBatches.Run(points, standardErrors, StandardErrorSequentially);
    }

    /// <summary>∂ŷ/∂v = Σ_i b_i·∂corr(v, x_i)/∂v (μ is a constant).</summary>
    public void Gradient(PointSet points, Span<double> gradients)
    {
        ArgumentNullException.ThrowIfNull(points);
        int d = Data.Dimension;
        PredictionArguments.Check(Data, points, gradients.Length / d);
        gradients.Clear();
        for (int k = 0; k < points.Count; k++)
            _correlation.AddWeightedGradient(Data.Points, _weights, points[k], gradients.Slice(k * d, d));
    }

    private void StandardErrorSequentially(PointSet points, Span<double> standardErrors)
    {
        var workspace = new BlockWorkspace(Data.Count, Data.Dimension, points.Count);
        Span<double> quadratic = stackalloc double[KrigingCorrelation.BlockSize];
        Span<double> trend = stackalloc double[KrigingCorrelation.BlockSize];
        for (int first = 0; first < points.Count; first += KrigingCorrelation.BlockSize)
        {
            int m = Math.Min(KrigingCorrelation.BlockSize, points.Count - first);
            // W = L⁻¹·[r_1 … r_m]; with u = L⁻¹1, column k gives rᵀK⁻¹r = ‖w_k‖² and 1ᵀK⁻¹r = uᵀw_k.
            Span<double> w = workspace.Correlations(this, points, first, m);
            _factor.ForwardSubstitute(w, m);
            Span<double> q = quadratic[..m], t = trend[..m];
            q.Clear();
            t.Clear();
            for (int i = 0; i < Data.Count; i++)
            {
                Span<double> row = w.Slice(i * m, m);
                VectorKernels.AddScaled(t, _whitenedOnes[i], row);
                for (int k = 0; k < m; k++)
                    q[k] += row[k] * row[k];
            }
            for (int k = 0; k < m; k++)
            {
                double misfit = 1 - t[k];
                double variance = ProcessVariance * (1 - q[k] + misfit * misfit / _onesPrecision);
                standardErrors[first + k] = Math.Sqrt(Math.Max(variance, 0));
            }
        }
    }

    /// <summary>
    /// The universal-Kriging variance factors of a model whose mean is β₀ + β₁·t (co-Kriging's discrepancy,
    /// t = ŷ_low) with both β estimated: per point 1 − rᵀK⁻¹r + aᵀ(HᵀK⁻¹H)⁻¹a with H = [1, t(x_i)] and
    /// a = h(v) − HᵀK⁻¹r, h(v) = [1, t(v)]: the mean squared error of the best linear unbiased predictor
    /// with estimated regression coefficients (Sacks, Welch, Mitchell &amp; Wynn 1989, Statistical Science 4(4)). The variance is σ² times the factor; the second regressor's uncertainty is
    /// what ordinary Kriging's (1 − 1ᵀK⁻¹r)²/1ᵀK⁻¹1 leaves out.
    /// </summary>
    /// <param name="trendAtData">t at the training points (the column of H).</param>
    /// <param name="trendAtPoints">t at <paramref name="points"/>.</param>
    internal void UniversalVarianceFactors(PointSet points, double[] trendAtData, ReadOnlySpan<double> trendAtPoints, Span<double> factors)
    {
        var (whitenedTrend, inverseGram) = TrendGram(trendAtData);
        var workspace = new BlockWorkspace(Data.Count, Data.Dimension, points.Count);
        Span<double> quadratic = stackalloc double[KrigingCorrelation.BlockSize];
        Span<double> onesProjection = stackalloc double[KrigingCorrelation.BlockSize];
        Span<double> trendProjection = stackalloc double[KrigingCorrelation.BlockSize];
        for (int first = 0; first < points.Count; first += KrigingCorrelation.BlockSize)
        {
            int m = Math.Min(KrigingCorrelation.BlockSize, points.Count - first);
            // W = L⁻¹·[r_1 … r_m]: rᵀK⁻¹r = ‖w_k‖², 1ᵀK⁻¹r = (L⁻¹1)ᵀw_k, tᵀK⁻¹r = (L⁻¹t)ᵀw_k.
            Span<double> w = workspace.Correlations(this, points, first, m);
            _factor.ForwardSubstitute(w, m);
            Span<double> q = quadratic[..m], ones = onesProjection[..m], trend = trendProjection[..m];
            q.Clear();
            ones.Clear();
            trend.Clear();
            for (int i = 0; i < Data.Count; i++)
            {
                Span<double> row = w.Slice(i * m, m);
                VectorKernels.AddScaled(ones, _whitenedOnes[i], row);
                VectorKernels.AddScaled(trend, whitenedTrend[i], row);
                for (int k = 0; k < m; k++)
                    q[k] += row[k] * row[k];
            }
            for (int k = 0; k < m; k++)
            {
                double a0 = 1 - ones[k], a1 = trendAtPoints[first + k] - trend[k];
                double regression = a0 * (inverseGram.A00 * a0 + inverseGram.A01 * a1) + a1 * (inverseGram.A01 * a0 + inverseGram.A11 * a1);
                factors[first + k] = Math.Max(1 - q[k] + regression, 0);
            }
        }
    }

    /// <summary>[(HᵀK⁻¹H)⁻¹]₁₁ for H = [1, t]: the variance of the GLS slope β₁ is σ² times it.</summary>
    internal double TrendSlopeVarianceFactor(double[] trendAtData) => TrendGram(trendAtData).InverseGram.A11;

    /// <summary>1ᵀK⁻¹1, the precision of the generalised least-squares mean (up to σ²).</summary>
    internal double OnesPrecision => _onesPrecision;

    /// <summary>ln|K|, of the matrix this model factored (correlations, noise and nugget).</summary>
    internal double LogDeterminant => _factor.LogDeterminant();

    /// <summary>ln|HᵀK⁻¹H| for H = [1, t].</summary>
    internal double TrendGramLogDeterminant(double[] trendAtData)
    {
        var (_, inverse) = TrendGram(trendAtData);
        return -Math.Log(inverse.A00 * inverse.A11 - inverse.A01 * inverse.A01);
    }

    /// <summary>L⁻¹t and the inverse of the 2×2 Gram matrix HᵀK⁻¹H = [uᵀu uᵀc; cᵀu cᵀc] (u = L⁻¹1, c = L⁻¹t).</summary>
    private (double[] WhitenedTrend, (double A00, double A01, double A11) InverseGram) TrendGram(double[] trendAtData)
    {
        var c = (double[])trendAtData.Clone();
        _factor.ForwardSubstitute(c);
        double uu = _onesPrecision, uc = VectorKernels.Dot(_whitenedOnes, c), cc = VectorKernels.Dot(c, c);
        double determinant = uu * cc - uc * uc;
        return (c, (cc / determinant, -uc / determinant, uu / determinant));
    }

    /// <summary>
    /// "theta", "p" and "nugget" rebuild the model, with "noiseRatio" (λ) for fitted noise and "sigma2"
    /// for known noise; "mu", and "sigma2" otherwise, are for information (recomputed on restore).
    /// </summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["theta"] = _correlation.Theta.ToArray(),
            ["p"] = _correlation.P.ToArray(),
            ["nugget"] = [Nugget],
            ["mu"] = [Mean],
            ["sigma2"] = [ProcessVariance],
        };
        if (Noise.Mode == NoiseMode.Fit)
            parameters["noiseRatio"] = [NoiseParameter];
        return parameters;
    }

    /// <summary>Builds an interpolating model with the nugget rule (ν at least <paramref name="nuggetFloor"/>).</summary>
    internal static KrigingModel Fit(TrainingSet data, KrigingCorrelation correlation, double nuggetFloor, IEnumerable<string> warnings)
    {
        var regularised = KrigingRegularisation.FactorWithRule(correlation.Matrix(data.Points), data.Count, nuggetFloor, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        var allWarnings = warnings.ToList();
        if (regularised.Nugget > nuggetFloor)
        {
            allWarnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The correlation matrix was nearly singular (points very close together, or θ very small), so a nugget of {regularised.Nugget:G3} was added to its diagonal to keep its condition number within {KrigingRegularisation.MaximumCondition:G0}; the model no longer interpolates the data exactly."));
        }
        return new KrigingModel(data, correlation, regularised, KrigingNoise.None, 0, allWarnings);
    }

    /// <summary>Builds an interpolating model with the jitter of maximum-likelihood fits (ν at least <paramref name="nuggetFloor"/>), for θ kept from an earlier fit.</summary>
    internal static KrigingModel WithJitter(TrainingSet data, KrigingCorrelation correlation, double nuggetFloor, IReadOnlyList<string> warnings)
    {
        var regularised = KrigingRegularisation.FactorWithJitter(correlation.Matrix(data.Points), data.Count, nuggetFloor, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        return new KrigingModel(data, correlation, regularised, KrigingNoise.None, 0, warnings);
    }

    /// <summary>
    /// Builds the model with exactly the given nugget and noise parameter: restoring an exported model,
    /// or the hyperparameters a likelihood search found.
    /// </summary>
    internal static KrigingModel WithNugget(TrainingSet data, KrigingCorrelation correlation, double nugget, KrigingNoise noise, double noiseParameter,
        IReadOnlyList<string>? warnings = null)
    {
        var diagonal = new double[data.Count];
        KrigingLikelihood.FillDiagonal(diagonal, noise, nugget, noiseParameter);
        var regularised = KrigingRegularisation.FactorWithDiagonal(correlation.Matrix(data.Points), diagonal, nugget, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix built from 'theta', 'p', the noise and 'nugget' is not positive definite for these training points; 'nugget' is too small.")
            {
                Field = "parameters.nugget",
            };
        return new KrigingModel(data, correlation, regularised, noise, noiseParameter, warnings ?? []);
    }

    /// <summary>
    /// The generalised least-squares fit of values ≈ β₀·1 + β₁·column with this model's K: the
    /// maximum-likelihood trend coefficients at its hyperparameters (co-Kriging's scale ρ = β₁).
    /// </summary>
    internal (double Intercept, double Slope) GeneralisedLeastSquares(ReadOnlySpan<double> values, ReadOnlySpan<double> column)
    {
        var c = column.ToArray();
        var w = values.ToArray();
        _factor.ForwardSubstitute(c);
        _factor.ForwardSubstitute(w);
        var (intercept, slope, isDetermined) = TwoTermTrend.Solve(_whitenedOnes, c, w);
        if (!isDetermined)
            throw new SurrogateFitException("The low-fidelity predictions at the high-fidelity points are (nearly) constant, so their scale ρ cannot be estimated; add low-fidelity points that vary across the high-fidelity ones.") { Field = "lowFidelity" };
        return (intercept, slope);
    }

    /// <summary>
    /// Exact leave-one-out of ordinary Kriging with μ re-estimated and the hyperparameters kept (Dubrule
    /// 1983): with Q = K⁻¹ − K⁻¹11ᵀK⁻¹/1ᵀK⁻¹1, the error at x_i is e_i = b_i / Q_ii and its predictive
    /// variance σ²/Q_ii (of the observed value, noise included), so z_i = b_i/√(σ²·Q_ii) is about
    /// standard normal when the uncertainty is honest: the mean and spread of z are the calibration check.
    /// </summary>
    private (double Rmse, double StandardisedMean, double StandardisedSpread) LeaveOneOut()
    {
        int n = Data.Count;
        var inverseDiagonal = new double[n];
        _factor.InverseDiagonal(inverseDiagonal);
        var inverseTimesOnes = (double[])_whitenedOnes.Clone();
        _factor.BackSubstitute(inverseTimesOnes);
        double sumOfSquares = 0, sumOfStandardised = 0, sumOfStandardisedSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double precision = inverseDiagonal[i] - inverseTimesOnes[i] * inverseTimesOnes[i] / _onesPrecision;
            double error = _weights[i] / precision;
            double standardised = _weights[i] / Math.Sqrt(ProcessVariance * precision);
            sumOfSquares += error * error;
            sumOfStandardised += standardised;
            sumOfStandardisedSquares += standardised * standardised;
        }
        double mean = sumOfStandardised / n;
        double spread = Math.Sqrt(Math.Max(sumOfStandardisedSquares / n - mean * mean, 0));
        return (Math.Sqrt(sumOfSquares / n), mean, spread);
    }

    /// <summary>
    /// The two buffers a batch needs, allocated once per batch and reused for every block; no wider than the
    /// batch, so that a one-point request does not allocate (and clear) 64 points' worth.
    /// </summary>
    private readonly struct BlockWorkspace(int count, int dimension, int points)
    {
        private readonly double[] _block = new double[count * Math.Min(points, KrigingCorrelation.BlockSize)];
        private readonly double[] _queries = new double[dimension * Math.Min(points, KrigingCorrelation.BlockSize)];
        private readonly double[] _column = points > 1 ? new double[count] : [];

        /// <summary>The n×m block of correlations between the training points and points [first, first + m).</summary>
        /// <remarks>
        /// A block narrower than one vector (a request of a few points, or the end of a batch) is filled a
        /// point at a time across the training points: the block layout would run every training point and
        /// dimension through one mostly empty vector, which made a one-point prediction cost milliseconds.
        /// The entries are the same bits either way.
        /// </remarks>
        // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
        // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Span<double> Correlations(KrigingModel model, PointSet points, int first, int m)
        {
            if (m < Vector256<double>.Count)
                return ColumnByColumn(model, points, first, m);
            Span<double> queries = _queries.AsSpan(0, dimension * m);
            KrigingCorrelation.TransposeInto(points, first, m, queries);
            Span<double> block = _block.AsSpan(0, count * m);
            model._correlation.FillBlock(model.Data.Points, queries, m, block);
            return block;
        }

        private Span<double> ColumnByColumn(KrigingModel model, PointSet points, int first, int m)
        {
            Span<double> block = _block.AsSpan(0, count * m);
            if (m == 1)
            {
                model._correlation.FillColumn(model._trainingByDimension, points[first], block);
                return block;
            }
            Span<double> column = _column.AsSpan();
            for (int k = 0; k < m; k++)
            {
                model._correlation.FillColumn(model._trainingByDimension, points[first + k], column);
                for (int i = 0; i < count; i++)
                    block[i * m + k] = column[i];
            }
            return block;
        }
    }

    /// <summary>A restored model with a tiny nugget can be too ill-conditioned for a diagnostic to be a number.</summary>
    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
