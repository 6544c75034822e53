using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The log-likelihood of ordinary Kriging as a function of (θ, p, η) for a fixed jitter ν, and its
/// gradient, for the hyperparameter search. K = R + Λ(η) + νI with η the noise parameter of
/// <see cref="KrigingNoise"/> (λ when the noise is fitted, σ² when it is known, unused without
/// noise). Pairwise coordinate differences (raised to p while p is fixed) are computed once, so an
/// evaluation costs one kernel profile per pair and one Cholesky factorisation, plus the inverse of
/// K when the gradient is wanted.
/// </summary>
/// <remarks>
/// With α = K⁻¹(y − μ1), dL = ½·tr((ααᵀ/σ² − K⁻¹)·dK) at fixed σ² (μ is optimal, and so is σ² when
/// it is concentrated out, so their own changes drop out). dK_ij = −g_ij·(|Δ_ij,l|^{p_l}·dθ_l +
/// θ_l·|Δ_ij,l|^{p_l}·ln|Δ_ij,l|·dp_l) off the diagonal with g = −dR/ds the kernel's slope; on the
/// diagonal dK_ii = λ·d ln λ (fitted noise) or −(τ_i²/σ²)·d ln σ² (known noise), and a known σ² also
/// enters explicitly: ∂L/∂ln σ² = −n/2 + q/(2σ²) + that trace. The sums over pairs cost O(n²·d) once
/// K⁻¹ is known. One instance is not thread-safe; give each thread its own.
/// </remarks>
internal sealed class KrigingLikelihood
{
    private readonly TrainingSet _data;
    private readonly KernelShape _shape;
    private readonly KrigingNoise _noise;
    private readonly double _nugget;
    private readonly double[]? _trend;
    private readonly double[] _scaled;
    private readonly double[] _matrix;
    private readonly double[] _factorWorkspace;
    private readonly double[] _diagonal;
    private double[]? _inverse;

    // |x_il − x_jl|^p_l for j < i, row by row, for the exponents in _poweredFor. While p stays
    // fixed (the usual search) they are computed once; when p is searched too, on every change.
    private readonly double[] _powered;
    private readonly double[] _poweredFor;

    /// <param name="trend">A second regressor beside the constant (co-Kriging's low-fidelity predictions), or null.</param>
    public KrigingLikelihood(TrainingSet data, KernelShape shape, KrigingNoise noise, double nugget, double[]? trend = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _shape = shape;
        _noise = noise;
        _nugget = nugget;
        _trend = trend;
        int n = data.Count;
        _scaled = new double[n * n];
        _matrix = new double[n * n];
        _factorWorkspace = new double[n * n];
        _diagonal = new double[n];
        _powered = new double[n * (n - 1) / 2 * data.Dimension];
        _poweredFor = new double[data.Dimension];
    }

    /// <summary>The log-likelihood at (θ, p, η), or −∞ when K cannot be factored in floating point.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double noiseParameter) =>
        Factor(theta, p, noiseParameter) is { } factor ? Concentrate(factor, _data.Values, KnownVariance(noiseParameter), _trend).LogLikelihood : double.NegativeInfinity;

    /// <summary>Whether K can be factored in floating point at (θ, p, η).</summary>
    public bool CanFactor(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double noiseParameter) => Factor(theta, p, noiseParameter) is not null;

    /// <summary>
    /// The log-likelihood at (θ, p, η) and its partial derivatives ∂L/∂θ_l, ∂L/∂p_l (when
    /// <paramref name="pGradient"/> is not empty) and ∂L/∂ln η; −∞ (gradients untouched) when K cannot be factored.
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double noiseParameter,
        Span<double> thetaGradient, Span<double> pGradient, out double noiseGradient)
    {
        noiseGradient = 0;
        if (Factor(theta, p, noiseParameter) is not { } factor)
            return double.NegativeInfinity;
        var fit = Concentrate(factor, _data.Values, KnownVariance(noiseParameter), _trend);
        var alpha = fit.WhitenedResidual;
        double q = VectorKernels.Dot(alpha, alpha);
        factor.BackSubstitute(alpha);
        int n = _data.Count;
        _inverse ??= new double[n * n];
        factor.Inverse(_inverse);
        AccumulateGradient(theta, p, alpha, fit.ProcessVariance, thetaGradient, pGradient);
        noiseGradient = NoiseGradient(alpha, fit.ProcessVariance, q, noiseParameter);
        return fit.LogLikelihood;
    }

    /// <summary>
    /// μ, σ² (or the given one) and the log-likelihood for the factor L of K; with a
    /// <paramref name="trend"/> t the mean is μ + ρ·t, both by generalised least squares.
    /// </summary>
    public static ConcentratedFit Concentrate(Cholesky factor, ReadOnlySpan<double> values, double? knownProcessVariance, double[]? trend = null)
    {
        int n = factor.Size;
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        factor.ForwardSubstitute(ones);
        var residual = values.ToArray();
        factor.ForwardSubstitute(residual);
        double mean = VectorKernels.Dot(ones, residual) / VectorKernels.Dot(ones, ones);
        if (trend is null)
        {
            VectorKernels.AddScaled(residual, -mean, ones);
        }
        else
        {
            var column = (double[])trend.Clone();
            factor.ForwardSubstitute(column);
            var (intercept, slope, _) = TwoTermTrend.Solve(ones, column, residual);
            mean = intercept;
            VectorKernels.AddScaled(residual, -intercept, ones);
            VectorKernels.AddScaled(residual, -slope, column);
        }
        double q = VectorKernels.Dot(residual, residual);
        if (knownProcessVariance is double variance)
        {
            double logLikelihood = -0.5 * n * Math.Log(variance) - 0.5 * factor.LogDeterminant() - 0.5 * q / variance + 0.5 * n;
            return new ConcentratedFit(mean, variance, logLikelihood, ones, residual);
        }
        double concentrated = q / n;
        return new ConcentratedFit(mean, concentrated, -0.5 * n * Math.Log(concentrated) - 0.5 * factor.LogDeterminant(), ones, residual);
    }

    /// <summary>The diagonal of K for noise parameter η: 1 + ν + Λ_ii.</summary>
    public static void FillDiagonal(Span<double> diagonal, KrigingNoise noise, double nugget, double noiseParameter)
    {
        diagonal.Fill(1 + nugget);
        noise.AddRelativeNoise(diagonal, noiseParameter);
    }

    private double? KnownVariance(double noiseParameter) => _noise.Mode == NoiseMode.Known ? noiseParameter : null;

    private Cholesky? Factor(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double noiseParameter)
    {
        if (!p.SequenceEqual(_poweredFor))
            PowerDifferences(p);
        FillMatrix(theta);
        int n = _data.Count;
        FillDiagonal(_diagonal, _noise, _nugget, noiseParameter);
        _matrix.CopyTo(_factorWorkspace, 0);
        for (int i = 0; i < n; i++)
            _factorWorkspace[i * n + i] = _diagonal[i];
        return Cholesky.TryFactor(_factorWorkspace, n, out var factor) ? factor : null;
    }

    /// <summary>
    /// ∂L/∂θ_l = −Σ_{i&gt;j} M_ij·D_ij,l and ∂L/∂p_l = −θ_l·Σ_{i&gt;j} M_ij·D_ij,l·ln|Δ_ij,l| with
    /// M_ij = (α_iα_j/σ² − (K⁻¹)_ij)·g_ij and D = |Δ|^p (so D·ln|Δ| = D·ln D / p).
    /// </summary>
    private void AccumulateGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> p, double[] alpha, double variance,
        Span<double> thetaGradient, Span<double> pGradient)
    {
        int n = _data.Count, d = _data.Dimension, offset = 0;
        bool withP = !pGradient.IsEmpty;
        // For the exponential profile the slope g = exp(−s) is R itself.
        bool slopeIsCorrelation = _shape is KernelShape.PowerExponential or KernelShape.SquaredExponential;
        thetaGradient.Clear();
        pGradient.Clear();
        var weights = new double[n];
        var slopes = slopeIsCorrelation ? [] : new double[n];
        var logTerms = withP ? new double[n] : [];
        for (int i = 1; i < n; i++)
        {
            Span<double> m = weights.AsSpan(0, i);
            ReadOnlySpan<double> inverseRow = _inverse.AsSpan(i * n, i);
            ReadOnlySpan<double> slopeRow = _matrix.AsSpan(i * n, i);
            if (!slopeIsCorrelation)
            {
                KernelProfiles.NegativeSlopes(_shape, _scaled.AsSpan(i * n, i), slopes.AsSpan(0, i));
                slopeRow = slopes.AsSpan(0, i);
            }
            double scaledAlpha = alpha[i] / variance;
            for (int j = 0; j < i; j++)
                m[j] = (scaledAlpha * alpha[j] - inverseRow[j]) * slopeRow[j];
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

    /// <summary>∂L/∂ln η (see the remarks); 0 without noise.</summary>
    private double NoiseGradient(double[] alpha, double variance, double q, double noiseParameter)
    {
        int n = _data.Count;
        double trace = 0;
        switch (_noise.Mode)
        {
            case NoiseMode.Fit:
                for (int i = 0; i < n; i++)
                    trace += alpha[i] * alpha[i] / variance - _inverse![i * n + i];
                return 0.5 * noiseParameter * trace;
            case NoiseMode.Known:
                for (int i = 0; i < n; i++)
                    trace += (alpha[i] * alpha[i] / variance - _inverse![i * n + i]) * _noise.Variances![i] / noiseParameter;
                return -0.5 * n + 0.5 * q / variance - 0.5 * trace;
            default:
                return 0;
        }
    }

    /// <summary>t_k = x_k·ln x_k for x_k ≥ 0, with 0·ln 0 = 0.</summary>
    // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                KrigingCorrelation.PowerInPlace(segment, p[l]);
            }
        }
        p.CopyTo(_poweredFor);
    }

    /// <summary>
    /// The lower triangle of R (all that Cholesky and the gradient read) and of the scaled distances
    /// s behind it, with the same arithmetic, element by element, as <see cref="KrigingCorrelation.FillBlock"/>.
    /// </summary>
    private void FillMatrix(ReadOnlySpan<double> theta)
    {
        int n = _data.Count, d = _data.Dimension, offset = 0;
        for (int i = 1; i < n; i++)
        {
            Span<double> scaled = _scaled.AsSpan(i * n, i);
            scaled.Clear();
            for (int l = 0; l < d; l++, offset += i)
                VectorKernels.AddScaled(scaled, theta[l], _powered.AsSpan(offset, i));
            Span<double> row = _matrix.AsSpan(i * n, i);
            scaled.CopyTo(row);
            KernelProfiles.ApplyInPlace(_shape, row);
        }
    }
}
