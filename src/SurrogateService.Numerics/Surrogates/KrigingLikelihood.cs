using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The concentrated log-likelihood of ordinary Kriging as a function of (θ, p), for the
/// hyperparameter search. Pairwise coordinate differences (raised to p when p is fixed) are
/// computed once, so an evaluation costs one exp per pair, the nugget rule and one Cholesky.
/// </summary>
internal sealed class KrigingLikelihood
{
    private readonly TrainingSet _data;
    private readonly double _nuggetFloor;
    private readonly double[] _matrix;
    private readonly double[] _factorWorkspace;

    // |x_il − x_jl|^p_l for j < i, row by row, for the exponents in _poweredFor. While p stays
    // fixed (the usual search) they are computed once; when p is searched too, on every change.
    private readonly double[] _powered;
    private readonly double[] _poweredFor;

    public KrigingLikelihood(TrainingSet data, double nuggetFloor)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _nuggetFloor = nuggetFloor;
        _matrix = new double[data.Count * data.Count];
        _factorWorkspace = new double[data.Count * data.Count];
        _powered = new double[data.Count * (data.Count - 1) / 2 * data.Dimension];
        _poweredFor = new double[data.Dimension];
    }

    /// <summary>The log-likelihood at (θ, p), or −∞ when the regularised matrix still cannot be factored.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> p)
    {
        if (!p.SequenceEqual(_poweredFor))
            PowerDifferences(p);
        FillMatrix(theta);
        var regularised = KrigingRegularisation.FactorWithRule(_matrix, _data.Count, _nuggetFloor, _factorWorkspace);
        return regularised is null ? double.NegativeInfinity : Concentrate(regularised.Factor, _data.Values).LogLikelihood;
    }

    /// <summary>μ, σ² and the log-likelihood for the factor L of the (regularised) correlation matrix.</summary>
    public static ConcentratedFit Concentrate(Cholesky factor, ReadOnlySpan<double> values)
    {
        int n = factor.Size;
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        factor.ForwardSubstitute(ones);
        var residual = values.ToArray();
        factor.ForwardSubstitute(residual);
        double mean = VectorKernels.Dot(ones, residual) / VectorKernels.Dot(ones, ones);
        VectorKernels.AddScaled(residual, -mean, ones);
        double variance = VectorKernels.Dot(residual, residual) / n;
        double logLikelihood = -0.5 * n * Math.Log(variance) - 0.5 * factor.LogDeterminant();
        return new ConcentratedFit(mean, variance, logLikelihood, ones, residual);
    }

    /// <summary>Row i of the cache holds, for each dimension l in turn, |x_il − x_jl|^p_l for j &lt; i.</summary>
    private void PowerDifferences(ReadOnlySpan<double> p)
    {
        int d = _data.Dimension, offset = 0;
        for (int i = 1; i < _data.Count; i++)
        {
            ReadOnlySpan<double> xi = _data.Points[i];
            for (int l = 0; l < d; l++, offset += i)
            {
                Span<double> segment = _powered.AsSpan(offset, i);
                for (int j = 0; j < i; j++)
                    segment[j] = xi[l] - _data.Points[j][l];
                PowerExponentialCorrelation.PowerInPlace(segment, p[l]);
            }
        }
        p.CopyTo(_poweredFor);
    }

    /// <summary>
    /// The lower triangle of R (all that the nugget rule and Cholesky read), with the same arithmetic,
    /// element by element, as <see cref="PowerExponentialCorrelation.FillBlock"/>.
    /// </summary>
    private void FillMatrix(ReadOnlySpan<double> theta)
    {
        int n = _data.Count, d = _data.Dimension, offset = 0;
        _matrix[0] = 1;
        for (int i = 1; i < n; i++)
        {
            Span<double> row = _matrix.AsSpan(i * n, i);
            row.Clear();
            for (int l = 0; l < d; l++, offset += i)
                VectorKernels.AddScaled(row, theta[l], _powered.AsSpan(offset, i));
            PowerExponentialCorrelation.ExpNegatedInPlace(row);
            _matrix[i * n + i] = 1;
        }
    }
}
