using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Gradient-enhanced Kriging (GEK): ordinary Kriging whose observations are the values and, at the
/// points that have them, the gradients, with the covariances of <see cref="GradientCovariance"/>
/// (the "direct" formulation; Morris, Mitchell &amp; Ylvisaker 1993; Forrester, Sóbester &amp; Keane
/// 2008, on exploiting gradients). ŷ(v) = μ + c(v)ᵀα and s²(v) = σ²·(1 − cᵀC⁻¹c + (1 − fᵀC⁻¹c)²/fᵀC⁻¹f), with c(v)
/// the covariances of y(v) with the observations: the same estimator as <see cref="KrigingModel"/>,
/// with more information per point.
/// </summary>
public sealed class GradientEnhancedKrigingModel : ISurrogateModel, IDifferentiableModel
{
    private readonly GradientObservations _observations;
    private readonly GradientEnhancedSolution _solution;
    private readonly double[] _theta;

    private GradientEnhancedKrigingModel(TrainingSet data, GradientObservations observations, KernelShape shape, double[] theta, double nugget,
        GradientEnhancedSolution solution, IReadOnlyList<string> warnings)
    {
        Data = data;
        Shape = shape;
        Nugget = nugget;
        _observations = observations;
        _theta = theta;
        _solution = solution;
        var leaveOneOut = LeaveOneOut();
        double? condition = FiniteOrNull(solution.LargestEigenvalueBound / SymmetricEigenvalueEstimates.SmallestEstimate(solution.Factor));
        Diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = FiniteOrNull(leaveOneOut.Rmse),
            LeaveOneOutStandardisedMean = FiniteOrNull(leaveOneOut.StandardisedMean),
            LeaveOneOutStandardisedSpread = FiniteOrNull(leaveOneOut.StandardisedSpread),
            ConditionNumber = condition,
            Nugget = nugget,
            LogLikelihood = solution.LogLikelihood,
            Theta = (double[])theta.Clone(),
            ProcessVariance = solution.ProcessVariance,
            Warnings = condition is not <= KrigingModel.IllConditioned
                ? [.. warnings, string.Create(CultureInfo.InvariantCulture,
                    $"The covariance matrix of values and gradients is ill-conditioned (condition number about {condition ?? double.PositiveInfinity:E1} with the relative nugget {nugget:G3}): predictions may lose digits to rounding; a larger 'nugget' option trades exact interpolation for stability.")]
                : warnings,
        };
    }

    public TrainingSet Data { get; }

    public FitDiagnostics Diagnostics { get; }

    public KernelShape Shape { get; }

    /// <summary>ν, the relative jitter of C's diagonal.</summary>
    public double Nugget { get; }

    public double Mean => _solution.Mean;

    public double ProcessVariance => _solution.ProcessVariance;

    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>Builds the model at the given θ and relative nugget, or says why it cannot (a restored document with too small a nugget).</summary>
    internal static GradientEnhancedKrigingModel Create(TrainingSet data, KernelShape shape, double[] theta, double nugget, IReadOnlyList<string> warnings)
    {
        var observations = new GradientObservations(data);
        var solution = GradientEnhancedSolution.Solve(observations, new GradientCovariance(shape, theta), nugget)
            ?? throw new SurrogateFitException("The covariance matrix of values and gradients built from 'theta' and 'nugget' is not positive definite for these points (or the values and gradients are all equal to their mean, leaving nothing to model).")
            {
                Field = "parameters.nugget",
            };
        return new GradientEnhancedKrigingModel(data, observations, shape, theta, nugget, solution, warnings);
    }

    public void Predict(PointSet points, Span<double> values)
    {
        PredictionArguments.Check(Data, points, values.Length);
        ParallelBatches.Run(points, values, PredictSequentially);
    }

    public void StandardError(PointSet points, Span<double> standardErrors)
    {
        PredictionArguments.Check(Data, points, standardErrors.Length);
        ParallelBatches.Run(points, standardErrors, StandardErrorSequentially);
    }

    /// <summary>∂ŷ/∂v_k = Σ_r α_r·cov(∂_k y(v), observation r): rows 1…d of the same covariance blocks.</summary>
    public void Gradient(PointSet points, Span<double> gradients)
    {
        ArgumentNullException.ThrowIfNull(points);
        int d = Data.Dimension;
        PredictionArguments.CheckGradients(Data, points, gradients.Length);
        var covariance = new GradientCovariance(Shape, _theta);
        Span<double> block = stackalloc double[covariance.BlockSize];
        gradients.Clear();
        for (int q = 0; q < points.Count; q++)
        {
            for (int j = 0; j < Data.Count; j++)
            {
                covariance.Block(points[q], Data.Points[j], block);
                for (int k = 0; k < d; k++)
                {
                    for (int b = 0; b < _observations.RowsOf(j); b++)
                        gradients[q * d + k] += block[(1 + k) * (d + 1) + b] * _solution.Weights[_observations.FirstRow[j] + b];
                }
            }
        }
    }

    /// <summary>"theta", "p" (2: the kernel is differentiable) and "nugget" rebuild the model; "mu" and "sigma2" are for information.</summary>
    public IReadOnlyDictionary<string, double[]> ExportParameters() => new Dictionary<string, double[]>(StringComparer.Ordinal)
    {
        ["theta"] = (double[])_theta.Clone(),
        ["p"] = Enumerable.Repeat(2.0, Data.Dimension).ToArray(),
        ["nugget"] = [Nugget],
        ["mu"] = [Mean],
        ["sigma2"] = [ProcessVariance],
    };

    private void PredictSequentially(PointSet points, Span<double> values)
    {
        var covariance = new GradientCovariance(Shape, _theta);
        Span<double> block = stackalloc double[covariance.BlockSize];
        var c = new double[_observations.Count];
        for (int q = 0; q < points.Count; q++)
        {
            for (int j = 0; j < Data.Count; j++)
            {
                covariance.Block(points[q], Data.Points[j], block);
                block[.._observations.RowsOf(j)].CopyTo(c.AsSpan(_observations.FirstRow[j]));
            }
            values[q] = Mean + VectorKernels.Dot(c, _solution.Weights);
        }
    }

    /// <summary>
    /// The standard errors of blocks of points: the covariances c of a block's points go in as the columns of one
    /// matrix, and one blocked forward substitution gives C's factor applied to all of them (see <see cref="Cholesky.ForwardSubstitute(Span{double}, int)"/>).
    /// </summary>
    private void StandardErrorSequentially(PointSet points, Span<double> standardErrors)
    {
        int size = _observations.Count;
        var covariance = new GradientCovariance(Shape, _theta);
        Span<double> block = stackalloc double[covariance.BlockSize];
        Span<double> misfits = stackalloc double[KrigingCorrelation.BlockSize];
        var columns = new double[size * KrigingCorrelation.BlockSize];
        for (int first = 0; first < points.Count; first += KrigingCorrelation.BlockSize)
        {
            int m = Math.Min(KrigingCorrelation.BlockSize, points.Count - first);
            Span<double> w = columns.AsSpan(0, size * m);
            for (int q = 0; q < m; q++)
            {
                for (int j = 0; j < Data.Count; j++)
                {
                    covariance.Block(points[first + q], Data.Points[j], block);
                    for (int b = 0; b < _observations.RowsOf(j); b++)
                        w[(_observations.FirstRow[j] + b) * m + q] = block[b];
                }
            }
            // 1 − fᵀC⁻¹c from c itself, before the solve overwrites it.
            Span<double> misfit = misfits[..m];
            misfit.Fill(1);
            for (int r = 0; r < size; r++)
                VectorKernels.AddScaled(misfit, -_solution.InverseTimesTrend[r], w.Slice(r * m, m));
            _solution.Factor.ForwardSubstitute(w, m);
            for (int q = 0; q < m; q++)
            {
                double quadratic = 0;
                for (int r = 0; r < size; r++)
                    quadratic += w[r * m + q] * w[r * m + q];
                double variance = ProcessVariance * (1 - quadratic + misfit[q] * misfit[q] / _solution.TrendPrecision);
                standardErrors[first + q] = Math.Sqrt(Math.Max(variance, 0));
            }
        }
    }

    /// <summary>
    /// Leave-one-point-out, with its gradient, by the block form of Dubrule's formula (1983): with
    /// Q = C⁻¹ − C⁻¹ffᵀC⁻¹/fᵀC⁻¹f and B the rows of point i, the errors of predicting them from the
    /// other points are (Q_BB)⁻¹α_B with covariance σ²(Q_BB)⁻¹; the value's entry is what is reported.
    /// </summary>
    private (double Rmse, double StandardisedMean, double StandardisedSpread) LeaveOneOut()
    {
        int size = _observations.Count, n = Data.Count;
        var inverse = new double[size * size];
        _solution.Factor.Inverse(inverse);
        var t = _solution.InverseTimesTrend;
        double sumOfSquares = 0, sumOfStandardised = 0, sumOfStandardisedSquares = 0;
        for (int i = 0; i < n; i++)
        {
            int first = _observations.FirstRow[i], rows = _observations.RowsOf(i);
            var block = new double[rows * rows];
            for (int a = 0; a < rows; a++)
            {
                for (int b = 0; b < rows; b++)
                    block[a * rows + b] = inverse[(first + a) * size + first + b] - t[first + a] * t[first + b] / _solution.TrendPrecision;
            }
            if (!Cholesky.TryFactor(block, rows, out var blockFactor))
                return (double.NaN, double.NaN, double.NaN);
            var errors = _solution.Weights.AsSpan(first, rows).ToArray();
            blockFactor.Solve(errors);
            var unit = new double[rows];
            unit[0] = 1;
            blockFactor.Solve(unit);
            double error = errors[0], standardised = error / Math.Sqrt(ProcessVariance * unit[0]);
            sumOfSquares += error * error;
            sumOfStandardised += standardised;
            sumOfStandardisedSquares += standardised * standardised;
        }
        double mean = sumOfStandardised / n;
        return (Math.Sqrt(sumOfSquares / n), mean, Math.Sqrt(Math.Max(sumOfStandardisedSquares / n - mean * mean, 0)));
    }

    private static double? FiniteOrNull(double value) => double.IsFinite(value) ? value : null;
}
