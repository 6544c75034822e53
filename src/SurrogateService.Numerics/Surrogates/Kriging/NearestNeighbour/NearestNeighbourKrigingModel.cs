using System.Globalization;
using System.Runtime.CompilerServices;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Kriging with the nearest-neighbour (Vecchia) approximation: hyperparameters fitted on the
/// Vecchia likelihood (<see cref="VecchiaLikelihood"/>), and each prediction the exact Kriging
/// predictor and standard error of <see cref="KrigingModel"/> conditioned on the m_pred training
/// points nearest it in the θ-scaled space instead of on all n (Katzfuss, Guinness &amp; Lawrence 2022;
/// the "local" predictors of laGP (Gramacy &amp; Apley 2015) and GPnn (Allison et al. 2023) alike):
/// ŷ = μ_N + kᵀA⁻¹(y_N − μ_N·1), s² = σ²·(1 − kᵀA⁻¹k + (1 − 1ᵀA⁻¹k)²/1ᵀA⁻¹1), with the mean
/// μ_N = 1ᵀA⁻¹y_N/1ᵀA⁻¹1 estimated on the neighbours (local ordinary Kriging) and σ² from the
/// Vecchia likelihood. With m_pred = n this is exactly the exact model.
/// </summary>
public sealed class NearestNeighbourKrigingModel : ISurrogateModel, ICancellablePrediction
{
    private readonly double[] _theta;
    private readonly double[] _p;
    private readonly ScaledKdTree _tree;
    private readonly double? _varianceScale;
    private readonly PolynomialTrend? _trend;
    // The values the process models: the training values less the trend (the values themselves without one).
    private readonly double[] _residuals;

    /// <summary>Training points whose leave-one-out prediction checks the calibration of a fit.</summary>
    public const int CalibrationPoints = 1000;

    internal NearestNeighbourKrigingModel(TrainingSet data, KernelShape shape, double[] theta, double[] p, double nugget, KrigingNoise noise,
        double noiseParameter, NearestNeighbourParameters parameters, FitDiagnostics? fitted, double? varianceScale = null, PolynomialTrend? trend = null,
        TrainingSet? residuals = null, ScaledKdTree? tree = null)
    {
        _varianceScale = varianceScale;
        _trend = trend;
        _residuals = (residuals ?? trend?.Detrend(data) ?? data).Values;
        Data = data;
        Shape = shape;
        _theta = theta;
        _p = p;
        Nugget = nugget;
        Noise = noise;
        NoiseParameter = noiseParameter;
        Parameters = parameters;
        TrendVariance = trend is null ? 0 : ObservationNoiseAverage() * trend.Basis.Count / data.Count;
        // The fit's tree when it has one: the same points, θ and p give the same tree, and at 10⁶ points it takes seconds to build.
        _tree = tree ?? new ScaledKdTree(ScaledPoints.Scale(data.Points, theta, p), data.Dimension);
        Diagnostics = (fitted ?? new FitDiagnostics()) with
        {
            Theta = theta.ToArray(),
            Nugget = nugget,
            ProcessVariance = parameters.ProcessVariance,
            NoiseVariance = noise.Mode == NoiseMode.None ? null : ObservationNoiseVariance,
            Approximation = Description,
        };
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; private set; }

    public KernelShape Shape { get; }

    public ReadOnlySpan<double> Theta => _theta;

    public double Nugget { get; }

    public KrigingNoise Noise { get; }

    /// <summary>λ = τ²/σ² for fitted noise, 0 otherwise (known noise enters through its variances).</summary>
    public double NoiseParameter { get; }

    internal NearestNeighbourParameters Parameters { get; }

    /// <summary>The k-d tree of the training points in the θ-scaled space.</summary>
    internal ScaledKdTree Tree => _tree;

    /// <summary>τ² of a new observation, as <see cref="KrigingModel.ObservationNoiseVariance"/>.</summary>
    public double? ObservationNoiseVariance => Noise.Mode switch
    {
        NoiseMode.Fit => NoiseParameter * Parameters.ProcessVariance,
        NoiseMode.Known => Noise.IsHomoscedastic ? Noise.Variances![0] : null,
        _ => 0,
    };

    /// <summary>The approximation in words, for the diagnostics.</summary>
    public string Description => string.Format(CultureInfo.InvariantCulture,
        "Nearest-neighbour (scaled Vecchia) Gaussian process: the likelihood conditions each of the {0} points on its {1} nearest predecessors " +
        "in a coarse-to-fine order, in the θ-scaled inputs; predictions and standard errors condition on the {2} nearest training points. " +
        "Exact when both reach n − 1.", Data.Count, Parameters.Neighbours, PredictionNeighbours) + TrendDescription + (_varianceScale is { } scale
        ? string.Format(CultureInfo.InvariantCulture, " σ² is the Vecchia estimate times {0:G3}, the mean squared standardised leave-one-out error of " +
            "up to {1} training points, so that the standard errors match the errors; the leave-one-out diagnostics come from other points.", scale, CalibrationPoints)
        : "");

    private string TrendDescription => _trend is { } trend
        ? string.Format(CultureInfo.InvariantCulture, " The process models the values less a polynomial trend of degree {0} ({1} Legendre terms fitted by least squares " +
            "to all the points); predictions add the trend back, and their variances its estimation variance under the noise, τ²·P/n.", trend.Degree, trend.Basis.Count)
        : "";

    /// <summary>
    /// The least-squares trend's estimation variance, averaged over the training points, added to every prediction's: with
    /// white noise of variance τ² it is τ²·h(x) for the leverage h(x) = ψ(x)ᵀ(ΨᵀΨ)⁻¹ψ(x), whose mean over the training points is
    /// exactly P/n (the trace of the hat matrix), so τ²·P/n. Measured on 10⁵ noisy 4-D points (docs/large-data.md): without it
    /// the intervals held 88 % of the function, because the noise hides this error from the leave-one-out calibration and a
    /// neighbourhood's few hundred noisy values cannot resolve it. Exact values have no τ²: what the trend misses there is
    /// smooth, and the process models it.
    /// </summary>
    private double TrendVariance { get; }

    /// <summary>τ² of the values, averaged over them for per-point variances; 0 for exact values.</summary>
    private double ObservationNoiseAverage() => Noise.Mode switch
    {
        NoiseMode.Fit => NoiseParameter * Parameters.ProcessVariance,
        NoiseMode.Known => Noise.Variances!.Average(),
        _ => 0,
    };

    /// <summary>m_pred, capped at n.</summary>
    public int PredictionNeighbours => Math.Min(Parameters.PredictionNeighbours, Data.Count);

    public void Predict(PointSet points, Span<double> values) => Run(points, values, [], CancellationToken.None);

    public void StandardError(PointSet points, Span<double> standardErrors) => Run(points, [], standardErrors, CancellationToken.None);

    public void Predict(PointSet points, Span<double> values, CancellationToken cancellationToken) => Run(points, values, [], cancellationToken);

    public void StandardError(PointSet points, Span<double> standardErrors, CancellationToken cancellationToken) => Run(points, [], standardErrors, cancellationToken);

    /// <summary>Both from one neighbour search and one factorisation per point.</summary>
    public void PredictWithStandardError(PointSet points, Span<double> values, Span<double> standardErrors, CancellationToken cancellationToken)
    {
        PredictionArguments.Check(Data, points, standardErrors.Length);
        Run(points, values, standardErrors, cancellationToken);
    }

    public IReadOnlyDictionary<string, double[]> ExportParameters()
    {
        var parameters = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["theta"] = _theta.ToArray(),
            ["p"] = _p.ToArray(),
            ["nugget"] = [Nugget],
            ["mu"] = [Parameters.Mean],
            ["sigma2"] = [Parameters.ProcessVariance],
        };
        if (Noise.Mode == NoiseMode.Fit)
            parameters["noiseRatio"] = [NoiseParameter];
        _trend?.Export(parameters);
        return parameters;
    }

    /// <summary>The predictions into <paramref name="values"/> and the standard errors into <paramref name="standardErrors"/>; an empty span is not computed.</summary>
    private void Run(PointSet points, Span<double> values, Span<double> standardErrors, CancellationToken cancellationToken)
    {
        bool withValues = !values.IsEmpty, withStandardErrors = !standardErrors.IsEmpty;
        PredictionArguments.Check(Data, points, withValues ? values.Length : standardErrors.Length);
        int count = points.Count, chunkSize = VecchiaNeighbours.ChunkSize;
        var predictions = withValues ? new double[count] : null;
        var errors = withStandardErrors ? new double[count] : null;
        Parallel.For(0, (count + chunkSize - 1) / chunkSize, new ParallelOptions { CancellationToken = cancellationToken },
            () => new LocalPrediction(this),
            (chunk, _, local) =>
            {
                for (int k = chunk * chunkSize; k < Math.Min(count, (chunk + 1) * chunkSize); k++)
                {
                    var (value, standardError) = local.At(points[k], excluded: -1);
                    if (predictions is not null)
                        predictions[k] = value + local.Trend(points[k]);
                    if (errors is not null)
                        errors[k] = Math.Sqrt(standardError * standardError + TrendVariance);
                }
                return local;
            },
            _ => { });
        predictions?.CopyTo(values);
        errors?.CopyTo(standardErrors);
    }

    /// <summary>
    /// Up to 2·<see cref="CalibrationPoints"/> distinct training points drawn with the seed: the first half
    /// calibrates σ², the second checks the calibration (<see cref="NearestNeighbourFit.Build"/>).
    /// </summary>
    internal static int[] CalibrationDraw(int n, ulong seed)
    {
        int count = Math.Min(n, 2 * CalibrationPoints);
        var random = new DeterministicRandom(seed);
        var chosen = Enumerable.Range(0, n).ToArray();
        for (int k = 0; k < count; k++)
        {
            int swap = k + random.NextInt(n - k);
            (chosen[k], chosen[swap]) = (chosen[swap], chosen[k]);
        }
        return chosen[..count];
    }

    /// <summary>
    /// Each of <paramref name="points"/> predicted from its nearest other training points: the error and the
    /// error over the predictive standard deviation of the observed value (noise included), as <see cref="KrigingModel"/> reports for all points.
    /// </summary>
    internal (double[] Errors, double[] Standardised) LeaveOneOut(int[] points, CancellationToken cancellationToken)
    {
        int count = points.Length;
        var errors = new double[count];
        var standardised = new double[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, () => new LocalPrediction(this), (k, _, local) =>
        {
            int i = points[k];
            var (value, standardError) = local.At(Data.Points[i], excluded: i);
            double noise = Noise.Mode switch
            {
                NoiseMode.Fit => NoiseParameter * Parameters.ProcessVariance,
                NoiseMode.Known => Noise.Variances![i],
                _ => 0,
            };
            errors[k] = _residuals[i] - value;
            standardised[k] = errors[k] / Math.Sqrt(standardError * standardError + noise);
            return local;
        }, _ => { });
        return (errors, standardised);
    }

    /// <summary>Sets the leave-one-out diagnostics from <paramref name="points"/> (see <see cref="LeaveOneOut"/>).</summary>
    internal void Check(int[] points, CancellationToken cancellationToken)
    {
        var (errors, standardised) = LeaveOneOut(points, cancellationToken);
        int count = points.Length;
        double mean = standardised.Average();
        double spread = Math.Sqrt(Math.Max(standardised.Sum(z => z * z) / count - mean * mean, 0));
        Diagnostics = Diagnostics with
        {
            LeaveOneOutRmse = Math.Sqrt(errors.Sum(e => e * e) / count),
            LeaveOneOutStandardisedMean = double.IsFinite(mean) ? mean : null,
            LeaveOneOutStandardisedSpread = double.IsFinite(spread) ? spread : null,
        };
    }

    /// <summary>One thread's neighbour search and local Kriging solve.</summary>
    private sealed class LocalPrediction
    {
        private readonly NearestNeighbourKrigingModel _model;
        private readonly LocalCovariance _local;
        private readonly int[] _neighbours;
        private readonly double[] _distances, _query, _residual, _ones;
        private readonly Func<int, double> _diagonal;
        private readonly PolynomialTrend.Workspace? _trendWorkspace;
        private double _jitter;

        public LocalPrediction(NearestNeighbourKrigingModel model)
        {
            _model = model;
            int m = model.PredictionNeighbours;
            _local = new LocalCovariance(m, model.Data.Dimension, model.Shape);
            _neighbours = new int[m];
            _distances = new double[m];
            _query = new double[model.Data.Dimension];
            _residual = new double[m];
            _ones = new double[m];
            _diagonal = Diagonal;
            _trendWorkspace = model._trend?.CreateWorkspace();
        }

        /// <summary>The trend at <paramref name="point"/>, 0 without one.</summary>
        public double Trend(ReadOnlySpan<double> point) => _model._trend is { } trend ? trend.ValueAt(point, _trendWorkspace!) : 0;

        private double Diagonal(int point)
        {
            var model = _model;
            return 1 + model.Nugget + _jitter + model.Noise.Mode switch
            {
                NoiseMode.Fit => model.NoiseParameter,
                NoiseMode.Known => model.Noise.Variances![point] / model.Parameters.ProcessVariance,
                _ => 0,
            };
        }

        /// <summary>ŷ of the residual process (the trend not added) and s at <paramref name="point"/>, leaving out training point <paramref name="excluded"/> (−1: none).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (double Value, double StandardError) At(ReadOnlySpan<double> point, int excluded)
        {
            var model = _model;
            ScaledPoints.ScaleOne(point, model._theta, model._p, _query);
            int want = Math.Min(_neighbours.Length, model.Data.Count - (excluded >= 0 ? 1 : 0));
            int q = model._tree.Nearest(_query, model.Data.Count, _neighbours.AsSpan(0, want), _distances, excluded);
            ReadOnlySpan<int> neighbours = _neighbours.AsSpan(0, q);
            // A subset of a positive definite K is positive definite, but rounding can disagree for
            // near-duplicate points with the smallest jitter: add jitter until the block factors.
            _jitter = 0;
            while (!_local.Factor(model.Data.Points, neighbours, point, model._theta, model._p, _diagonal))
            {
                _jitter = _jitter == 0 ? Math.Max(model.Nugget, KrigingRegularisation.SmallestJitter) * 10 : _jitter * 10;
                if (_jitter > 1e-2)
                    return (double.NaN, double.NaN);
            }
            Span<double> z = _local.Cross.AsSpan(0, q), r = _residual.AsSpan(0, q), u = _ones.AsSpan(0, q);
            for (int j = 0; j < q; j++)
            {
                r[j] = model._residuals[neighbours[j]];
                u[j] = 1;
            }
            _local.ForwardSubstitute(z);
            _local.ForwardSubstitute(r);
            _local.ForwardSubstitute(u);
            // The mean by generalised least squares on the neighbours: with long correlation lengths the
            // level of a neighbourhood can differ from the global μ by more than its few points can correct.
            double onesPrecision = VectorKernels.Dot(u, u);
            double mean = VectorKernels.Dot(u, r) / onesPrecision;
            VectorKernels.AddScaled(r, -mean, u);
            double value = mean + VectorKernels.Dot(z, r);
            double misfit = 1 - VectorKernels.Dot(z, u);
            double variance = model.Parameters.ProcessVariance * (1 - VectorKernels.Dot(z, z) + misfit * misfit / onesPrecision);
            return (value, Math.Sqrt(Math.Max(variance, 0)));
        }
    }
}

/// <summary>What a nearest-neighbour model needs beyond θ, p, the nugget and the noise: σ² and the neighbour counts; the global μ is for information.</summary>
internal sealed record NearestNeighbourParameters(double Mean, double ProcessVariance, int Neighbours, int PredictionNeighbours);
