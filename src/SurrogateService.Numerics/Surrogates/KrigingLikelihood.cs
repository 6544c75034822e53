using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The concentrated log-likelihood of ordinary Kriging as a function of (θ, p) for a fixed nugget ν,
/// and its gradient, for the hyperparameter search. Pairwise coordinate differences (raised to p
/// while p is fixed) are computed once, so an evaluation costs one exp per pair and one Cholesky
/// factorisation, plus the inverse of R + νI when the gradient is wanted.
/// </summary>
/// <remarks>
/// With α = R⁻¹(y − μ1) and σ² the concentrated variance, dL = ½·tr((ααᵀ/σ² − R⁻¹)·dR) (μ and σ²
/// are optimal, so their own changes drop out), and dR_ij = −R_ij·(|Δ_ij,l|^{p_l}·dθ_l +
/// θ_l·|Δ_ij,l|^{p_l}·ln|Δ_ij,l|·dp_l); ν is fixed, so the diagonal does not move. The sums over
/// pairs cost O(n²·d) once R⁻¹ is known. One instance is not thread-safe; give each thread its own.
/// </remarks>
internal sealed class KrigingLikelihood
{
    private readonly TrainingSet _data;
    private readonly double _nugget;
    private readonly double[] _matrix;
    private readonly double[] _factorWorkspace;
    private double[]? _inverse;

    // |x_il − x_jl|^p_l for j < i, row by row, for the exponents in _poweredFor. While p stays
    // fixed (the usual search) they are computed once; when p is searched too, on every change.
    private readonly double[] _powered;
    private readonly double[] _poweredFor;

    public KrigingLikelihood(TrainingSet data, double nugget)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _nugget = nugget;
        _matrix = new double[data.Count * data.Count];
        _factorWorkspace = new double[data.Count * data.Count];
        _powered = new double[data.Count * (data.Count - 1) / 2 * data.Dimension];
        _poweredFor = new double[data.Dimension];
    }

    /// <summary>The log-likelihood at (θ, p), or −∞ when R + νI cannot be factored in floating point.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> p) =>
        Factor(theta, p) is { } factor ? Concentrate(factor, _data.Values).LogLikelihood : double.NegativeInfinity;

    /// <summary>
    /// The log-likelihood at (θ, p) and its partial derivatives ∂L/∂θ_l and, when
    /// <paramref name="pGradient"/> is not empty, ∂L/∂p_l; −∞ (gradients untouched) when R + νI cannot be factored.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, Span<double> thetaGradient, Span<double> pGradient)
    {
        if (Factor(theta, p) is not { } factor)
            return double.NegativeInfinity;
        var fit = Concentrate(factor, _data.Values);
        var alpha = fit.WhitenedResidual;
        factor.BackSubstitute(alpha);
        int n = _data.Count;
        _inverse ??= new double[n * n];
        factor.Inverse(_inverse);
        AccumulateGradient(theta, p, alpha, fit.ProcessVariance, thetaGradient, pGradient);
        return fit.LogLikelihood;
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

    private Cholesky? Factor(ReadOnlySpan<double> theta, ReadOnlySpan<double> p)
    {
        if (!p.SequenceEqual(_poweredFor))
            PowerDifferences(p);
        FillMatrix(theta);
        int n = _data.Count;
        _matrix.CopyTo(_factorWorkspace, 0);
        for (int i = 0; i < n; i++)
            _factorWorkspace[i * n + i] += _nugget;
        return Cholesky.TryFactor(_factorWorkspace, n, out var factor) ? factor : null;
    }

    /// <summary>
    /// ∂L/∂θ_l = −Σ_{i&gt;j} M_ij·D_ij,l and ∂L/∂p_l = −θ_l·Σ_{i&gt;j} M_ij·D_ij,l·ln|Δ_ij,l| with
    /// M_ij = (α_iα_j/σ² − (R⁻¹)_ij)·R_ij and D = |Δ|^p (so D·ln|Δ| = D·ln D / p).
    /// </summary>
    private void AccumulateGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double[] alpha, double variance,
        Span<double> thetaGradient, Span<double> pGradient)
    {
        int n = _data.Count, d = _data.Dimension, offset = 0;
        bool withP = !pGradient.IsEmpty;
        thetaGradient.Clear();
        pGradient.Clear();
        var weights = new double[n];
        var logTerms = withP ? new double[n] : [];
        for (int i = 1; i < n; i++)
        {
            Span<double> m = weights.AsSpan(0, i);
            ReadOnlySpan<double> inverseRow = _inverse.AsSpan(i * n, i);
            ReadOnlySpan<double> correlationRow = _matrix.AsSpan(i * n, i);
            double scaledAlpha = alpha[i] / variance;
            for (int j = 0; j < i; j++)
                m[j] = (scaledAlpha * alpha[j] - inverseRow[j]) * correlationRow[j];
            for (int l = 0; l < d; l++, offset += i)
            {
                ReadOnlySpan<double> powered = _powered.AsSpan(offset, i);
                thetaGradient[l] -= VectorKernels.Dot(m, powered);
                if (withP)
                {
                    Span<double> t = logTerms.AsSpan(0, i);
                    XLogX(powered, t);
                    pGradient[l] -= theta[l] / p[l] * VectorKernels.Dot(m, t);
                }
            }
        }
    }

    /// <summary>t_k = x_k·ln x_k for x_k ≥ 0, with 0·ln 0 = 0.</summary>
    private static void XLogX(ReadOnlySpan<double> x, Span<double> t)
    {
        int full = x.Length - x.Length % 4;
        var vx = MemoryMarshal.Cast<double, Vector256<double>>(x[..full]);
        var vt = MemoryMarshal.Cast<double, Vector256<double>>(t[..full]);
        for (int k = 0; k < vx.Length; k++)
            vt[k] = Vector256.ConditionalSelect(Vector256.GreaterThan(vx[k], Vector256<double>.Zero), vx[k] * Vector256.Log(vx[k]), Vector256<double>.Zero);
        for (int k = full; k < x.Length; k++)
            t[k] = x[k] > 0 ? x[k] * Math.Log(x[k]) : 0;
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
    /// The lower triangle of R (all that Cholesky and the gradient read), with the same arithmetic,
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
