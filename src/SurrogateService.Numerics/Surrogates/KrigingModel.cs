using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A fitted ordinary Kriging model: ŷ(v) = μ + rᵀb with r_i = corr(v, x_i) and b = R⁻¹(y − μ1),
/// and the textbook standard error s²(v) = σ²·(1 − rᵀR⁻¹r + (1 − 1ᵀR⁻¹r)²/1ᵀR⁻¹1) (Jones 2001).
/// R includes the nugget on its diagonal; r never does, as in Surrogates.jl.
/// </summary>
public sealed class KrigingModel : ISurrogateModel
{
    private readonly PowerExponentialCorrelation _correlation;
    private readonly Cholesky _factor;
    private readonly double[] _weights;
    private readonly double[] _whitenedOnes;
    private readonly double _onesPrecision;

    /// <summary>Beyond this condition number of R + νI rounding may cost predictions more than half their digits: the fit warns.</summary>
    public const double IllConditioned = 1e12;

    private KrigingModel(TrainingSet data, PowerExponentialCorrelation correlation, RegularisedFactor regularised, IReadOnlyList<string> warnings)
    {
        Data = data;
        _correlation = correlation;
        _factor = regularised.Factor;
        Nugget = regularised.Nugget;
        var fit = KrigingLikelihood.Concentrate(_factor, data.Values);
        Mean = fit.Mean;
        ProcessVariance = fit.ProcessVariance;
        _whitenedOnes = fit.WhitenedOnes;
        _onesPrecision = VectorKernels.Dot(_whitenedOnes, _whitenedOnes);
        _weights = fit.WhitenedResidual;
        _factor.BackSubstitute(_weights);
        // An estimate: λmax by an upper bound tight to 1 %, λmin by an inverse-iteration Rayleigh
        // quotient (see KrigingRegularisation), which is high only when the smallest eigenvalues cluster.
        double? condition = FiniteOrNull((regularised.LargestEigenvalueBound + Nugget) / SymmetricEigenvalueEstimates.SmallestEstimate(_factor));
        Diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = FiniteOrNull(LeaveOneOutRmse()),
            ConditionNumber = condition,
            Nugget = Nugget,
            // Constant data make σ² = 0 (up to rounding) and the likelihood unbounded: no value worth reporting.
            LogLikelihood = Array.TrueForAll(data.Values, v => v == data.Values[0]) ? null : fit.LogLikelihood,
            Warnings = condition is not <= IllConditioned
                ? [.. warnings, string.Create(CultureInfo.InvariantCulture,
                    $"The correlation matrix is ill-conditioned (condition number about {condition ?? double.PositiveInfinity:E1} with the nugget {Nugget:G3}): the correlations are very smooth (long correlation lengths, which maximum likelihood prefers for smooth data, or points very close together). Predictions and standard errors may lose digits to rounding; a larger 'nugget' option trades exact interpolation for stability.")]
                : warnings,
        };
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    /// <summary>θ_l of the correlation, one per dimension.</summary>
    public ReadOnlySpan<double> Theta => _correlation.Theta;

    /// <summary>p_l of the correlation, one per dimension.</summary>
    public ReadOnlySpan<double> P => _correlation.P;

    /// <summary>The value added to the diagonal of R.</summary>
    public double Nugget { get; }

    /// <summary>μ, the generalised least-squares mean.</summary>
    public double Mean { get; }

    /// <summary>σ², the process variance.</summary>
    public double ProcessVariance { get; }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, PredictSequentially);
    }

    private void PredictSequentially(PointSet points, Span<double> values)
    {
        var workspace = new BlockWorkspace(Data.Count, Data.Dimension);
        for (int first = 0; first < points.Count; first += PowerExponentialCorrelation.BlockSize)
        {
            int m = Math.Min(PowerExponentialCorrelation.BlockSize, points.Count - first);
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

    private void StandardErrorSequentially(PointSet points, Span<double> standardErrors)
    {
        var workspace = new BlockWorkspace(Data.Count, Data.Dimension);
        Span<double> quadratic = stackalloc double[PowerExponentialCorrelation.BlockSize];
        Span<double> trend = stackalloc double[PowerExponentialCorrelation.BlockSize];
        for (int first = 0; first < points.Count; first += PowerExponentialCorrelation.BlockSize)
        {
            int m = Math.Min(PowerExponentialCorrelation.BlockSize, points.Count - first);
            // W = L⁻¹·[r_1 … r_m]; with u = L⁻¹1, column k gives rᵀR⁻¹r = ‖w_k‖² and 1ᵀR⁻¹r = uᵀw_k.
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

    /// <summary>"theta", "p" and "nugget" rebuild the model; "mu" and "sigma2" are for information (recomputed on restore).</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>(StringComparer.Ordinal)
    {
        ["theta"] = _correlation.Theta.ToArray(),
        ["p"] = _correlation.P.ToArray(),
        ["nugget"] = [Nugget],
        ["mu"] = [Mean],
        ["sigma2"] = [ProcessVariance],
    };

    /// <summary>Builds the model with the nugget rule (ν at least <paramref name="nuggetFloor"/>).</summary>
    internal static KrigingModel Fit(TrainingSet data, double[] theta, double[] p, double nuggetFloor, IEnumerable<string> warnings)
    {
        var correlation = new PowerExponentialCorrelation(theta, p);
        var regularised = KrigingRegularisation.FactorWithRule(correlation.Matrix(data.Points), data.Count, nuggetFloor, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        var allWarnings = warnings.ToList();
        if (regularised.Nugget > nuggetFloor)
        {
            allWarnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The correlation matrix was nearly singular (points very close together, or θ very small), so a nugget of {regularised.Nugget:G3} was added to its diagonal to keep its condition number within {KrigingRegularisation.MaximumCondition:G0}; the model no longer interpolates the data exactly."));
        }
        return new KrigingModel(data, correlation, regularised, allWarnings);
    }

    /// <summary>Builds the model with the jitter of maximum-likelihood fits (ν at least <paramref name="nuggetFloor"/>), for θ kept from an earlier fit.</summary>
    internal static KrigingModel WithJitter(TrainingSet data, double[] theta, double[] p, double nuggetFloor, IReadOnlyList<string> warnings)
    {
        var correlation = new PowerExponentialCorrelation(theta, p);
        var regularised = KrigingRegularisation.FactorWithJitter(correlation.Matrix(data.Points), data.Count, nuggetFloor, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix is numerically singular even with a nugget; check the training data for non-finite or extreme values.");
        return new KrigingModel(data, correlation, regularised, warnings);
    }

    /// <summary>Builds the model with exactly the given nugget: restoring an exported model, or the nugget a likelihood search used.</summary>
    internal static KrigingModel WithNugget(TrainingSet data, double[] theta, double[] p, double nugget, IReadOnlyList<string>? warnings = null)
    {
        var correlation = new PowerExponentialCorrelation(theta, p);
        var regularised = KrigingRegularisation.FactorWithNugget(correlation.Matrix(data.Points), data.Count, nugget, new double[data.Count * data.Count])
            ?? throw new SurrogateFitException("The correlation matrix built from 'theta', 'p' and 'nugget' is not positive definite for these training points; 'nugget' is too small.")
            {
                Field = "parameters.nugget",
            };
        return new KrigingModel(data, correlation, regularised, warnings ?? []);
    }

    /// <summary>
    /// Exact leave-one-out RMSE of ordinary Kriging with μ re-estimated and θ kept (Dubrule 1983):
    /// with Q = R⁻¹ − R⁻¹11ᵀR⁻¹/1ᵀR⁻¹1, the error at x_i is e_i = b_i / Q_ii.
    /// </summary>
    private double LeaveOneOutRmse()
    {
        int n = Data.Count;
        var inverseDiagonal = new double[n];
        _factor.InverseDiagonal(inverseDiagonal);
        var inverseTimesOnes = (double[])_whitenedOnes.Clone();
        _factor.BackSubstitute(inverseTimesOnes);
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double error = _weights[i] / (inverseDiagonal[i] - inverseTimesOnes[i] * inverseTimesOnes[i] / _onesPrecision);
            sumOfSquares += error * error;
        }
        return Math.Sqrt(sumOfSquares / n);
    }

    /// <summary>The two buffers a batch needs, allocated once per batch and reused for every block.</summary>
    private readonly struct BlockWorkspace(int count, int dimension)
    {
        private readonly double[] _block = new double[count * PowerExponentialCorrelation.BlockSize];
        private readonly double[] _queries = new double[dimension * PowerExponentialCorrelation.BlockSize];

        /// <summary>The n×m block of correlations between the training points and points [first, first + m).</summary>
        public Span<double> Correlations(KrigingModel model, PointSet points, int first, int m)
        {
            Span<double> queries = _queries.AsSpan(0, dimension * m);
            PowerExponentialCorrelation.TransposeInto(points, first, m, queries);
            Span<double> block = _block.AsSpan(0, count * m);
            model._correlation.FillBlock(model.Data.Points, queries, m, block);
            return block;
        }
    }

    /// <summary>A restored model with a tiny nugget can be too ill-conditioned for a diagnostic to be a number.</summary>
    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
