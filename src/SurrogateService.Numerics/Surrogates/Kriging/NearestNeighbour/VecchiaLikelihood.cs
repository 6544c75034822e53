using System.Runtime.ExceptionServices;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The Vecchia approximation of the ordinary-Kriging log-likelihood, and its gradient in ln θ and
/// ln η: the joint density of the values, in the order of <see cref="VecchiaNeighbours"/>, as the
/// product of each value's density given its m nearest predecessors instead of all of them
/// (Vecchia 1988; Katzfuss &amp; Guinness 2021, Statistical Science 36(1)). With m ≥ n − 1 it is the
/// exact likelihood. Each point costs one (q + 1)-point covariance problem, so an evaluation is
/// O(n·m³), in parallel over fixed chunks of the order whose sums are added in chunk order (the
/// result does not depend on scheduling).
/// </summary>
/// <remarks>
/// For point i with neighbours N, b = A⁻¹k and the conditional variance (over σ²) is
/// d_i = κ_i − kᵀb; with the mean μ the conditional residual is e_i = a_i − μ·c_i where
/// a_i = y_i − bᵀy_N and c_i = 1 − bᵀ1. Then μ = Σ a_i c_i/d_i / Σ c_i²/d_i (generalised least
/// squares, as in the exact fit), S = Σ e_i²/d_i, and L = −(n/2)·ln σ² − ½·Σ ln d_i with σ² = S/n
/// concentrated out, or L = −(n/2)·ln σ² − ½·Σ ln d_i − S/(2σ²) + n/2 for a known noise whose σ² is
/// searched — the exact likelihood's two forms, with ln det K replaced by Σ ln d_i. For a parameter
/// with derivatives dA, dk, dκ: dd = dκ − 2·dkᵀb + bᵀdA·b and, through db = A⁻¹(dk − dA·b),
/// da = −(dk − dA·b)ᵀA⁻¹y_N, dc = −(dk − dA·b)ᵀA⁻¹1; μ and a concentrated σ² are optimal, so
/// dL = −dS/(2σ²) − ½·Σ dd_i/d_i with dS = Σ (2·e·de/d − e²·dd/d²). The values are centred
/// first, so the sums that expand e in μ do not cancel.
/// </remarks>
internal sealed class VecchiaLikelihood
{
    private readonly TrainingSet _data;
    private readonly VecchiaNeighbours _neighbours;
    private readonly KernelShape _shape;
    private readonly KrigingNoise _noise;
    private readonly double _nugget;
    private readonly double[] _centred;
    private readonly double _centre;

    public VecchiaLikelihood(TrainingSet data, VecchiaNeighbours neighbours, KernelShape shape, KrigingNoise noise, double nugget)
    {
        _data = data;
        _neighbours = neighbours;
        _shape = shape;
        _noise = noise;
        _nugget = nugget;
        _centre = data.Values.Average();
        _centred = Array.ConvertAll(data.Values, v => v - _centre);
    }

    /// <summary>What one evaluation found: μ, σ², 1ᵀK̃⁻¹1 (the precision of μ over σ²) and L; L is −∞ where a block cannot be factored.</summary>
    public readonly record struct Evaluation(double Mean, double ProcessVariance, double MeanPrecision, double LogLikelihood);

    /// <summary>
    /// The likelihood at (θ, p, η); with a non-empty <paramref name="gradient"/> also ∂L/∂ln θ_l
    /// (l &lt; d) and ∂L/∂ln η (last entry, when the noise is fitted or known).
    /// </summary>
    public Evaluation Evaluate(double[] theta, double[] p, double noiseParameter, Span<double> gradient, CancellationToken cancellationToken)
    {
        int n = _data.Count, d = _data.Dimension;
        int parameters = gradient.Length;
        int width = Sums.Width(parameters);
        int chunks = (n + VecchiaNeighbours.ChunkSize - 1) / VecchiaNeighbours.ChunkSize;
        var partial = new double[chunks * width];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken },
                () => new PointTerms(this, theta, p, noiseParameter, parameters),
                (chunk, _, terms) =>
                {
                    var sums = partial.AsSpan(chunk * width, width);
                    for (int k = chunk * VecchiaNeighbours.ChunkSize; k < Math.Min(n, (chunk + 1) * VecchiaNeighbours.ChunkSize); k++)
                    {
                        if (!terms.Add(k, sums))
                        {
                            sums[Sums.Failed] = 1;
                            break;
                        }
                    }
                    return terms;
                },
                _ => { });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
        var total = new double[width];
        for (int chunk = 0; chunk < chunks; chunk++)
            VectorKernels.AddScaled(total, 1, partial.AsSpan(chunk * width, width));
        if (total[Sums.Failed] != 0)
            return new Evaluation(double.NaN, double.NaN, double.NaN, double.NegativeInfinity);

        double mean = total[Sums.AC] / total[Sums.CC];
        double residual = total[Sums.AA] - 2 * mean * total[Sums.AC] + mean * mean * total[Sums.CC];
        bool known = _noise.Mode == NoiseMode.Known;
        double variance = known ? noiseParameter : residual / n;
        double logLikelihood = -0.5 * n * Math.Log(variance) - 0.5 * total[Sums.LogD];
        if (known)
            logLikelihood += -0.5 * residual / variance + 0.5 * n;
        for (int t = 0; t < parameters; t++)
        {
            var s = total.AsSpan(Sums.Parameter(t), Sums.PerParameter);
            double eDe = s[0] - mean * s[1] + mean * mean * s[2];
            double eeDd = s[3] - 2 * mean * s[4] + mean * mean * s[5];
            gradient[t] = -(2 * eDe - eeDd) / (2 * variance) - 0.5 * s[6];
        }
        if (known && parameters > d)
            gradient[d] += -0.5 * n + 0.5 * residual / variance;
        if (!double.IsFinite(logLikelihood))
            logLikelihood = double.NegativeInfinity;
        return new Evaluation(mean + _centre, variance, total[Sums.CC], logLikelihood);
    }

    /// <summary>The layout of one chunk's sums.</summary>
    private static class Sums
    {
        public const int AA = 0, AC = 1, CC = 2, LogD = 3, Failed = 4, PerParameter = 7;

        public static int Width(int parameters) => 5 + PerParameter * parameters;

        /// <summary>Σ a·da/d, Σ (a·dc + c·da)/d, Σ c·dc/d, Σ a²·dd/d², Σ a·c·dd/d², Σ c²·dd/d², Σ dd/d of parameter t.</summary>
        public static int Parameter(int t) => 5 + PerParameter * t;
    }

    /// <summary>One thread's workspace: adds the terms of one point after another to its chunk's sums.</summary>
    private sealed class PointTerms
    {
        private readonly VecchiaLikelihood _owner;
        private readonly double[] _theta, _p;
        private readonly double _noiseParameter;
        private readonly int _parameters;
        private readonly LocalCovariance _local;
        private readonly double[] _b, _wy, _w1, _u;
        private readonly Func<int, double> _diagonalOf;

        public PointTerms(VecchiaLikelihood owner, double[] theta, double[] p, double noiseParameter, int parameters)
        {
            _owner = owner;
            _theta = theta;
            _p = p;
            _noiseParameter = noiseParameter;
            _parameters = parameters;
            int m = owner._neighbours.Size;
            _local = new LocalCovariance(m, owner._data.Dimension, owner._shape);
            _b = new double[m];
            _wy = new double[m];
            _w1 = new double[m];
            _u = new double[m];
            _diagonalOf = Diagonal;
        }

        /// <summary>A_jj or κ_i: 1 + ν + Λ_jj for training point j.</summary>
        private double Diagonal(int point)
        {
            var noise = _owner._noise;
            return 1 + _owner._nugget + noise.Mode switch
            {
                NoiseMode.Fit => _noiseParameter,
                NoiseMode.Known => noise.Variances![point] / _noiseParameter,
                _ => 0,
            };
        }

        public bool Add(int k, Span<double> sums)
        {
            var data = _owner._data;
            int point = _owner._neighbours.Order[k];
            ReadOnlySpan<int> neighbours = _owner._neighbours.Of(k);
            int q = neighbours.Length;
            bool withGradient = _parameters > 0;
            if (!_local.Factor(data.Points, neighbours, data.Points[point], _theta, _p, _diagonalOf, withGradient))
                return false;
            Span<double> b = _b.AsSpan(0, q), wy = _wy.AsSpan(0, q), w1 = _w1.AsSpan(0, q);
            _local.Cross.AsSpan(0, q).CopyTo(b);
            var y = _owner._centred;
            for (int j = 0; j < q; j++)
            {
                wy[j] = y[neighbours[j]];
                w1[j] = 1;
            }
            _local.ForwardSubstitute(b);
            _local.ForwardSubstitute(wy);
            _local.ForwardSubstitute(w1);
            double kappa = Diagonal(point);
            double dI = kappa - VectorKernels.Dot(b, b);
            if (!(dI > 0))
                return false;
            double a = y[point] - VectorKernels.Dot(b, wy);
            double c = 1 - VectorKernels.Dot(b, w1);
            sums[Sums.AA] += a * a / dI;
            sums[Sums.AC] += a * c / dI;
            sums[Sums.CC] += c * c / dI;
            sums[Sums.LogD] += Math.Log(dI);
            if (!withGradient)
                return true;
            _local.BackSubstitute(b);
            _local.BackSubstitute(wy);
            _local.BackSubstitute(w1);
            int dimension = data.Dimension;
            for (int t = 0; t < _parameters; t++)
            {
                var (dd, da, dc) = t < dimension ? ThetaDerivatives(t, q) : NoiseDerivatives(point, neighbours);
                var s = sums.Slice(Sums.Parameter(t), Sums.PerParameter);
                s[0] += a * da / dI;
                s[1] += (a * dc + c * da) / dI;
                s[2] += c * dc / dI;
                double weight = dd / (dI * dI);
                s[3] += a * a * weight;
                s[4] += a * c * weight;
                s[5] += c * c * weight;
                s[6] += dd / dI;
            }
            return true;
        }

        /// <summary>dd, da, dc for ln θ_l: dR = −g·θ_l·|Δ_l|^{p_l} for every pair, dκ = 0.</summary>
        private (double Dd, double Da, double Dc) ThetaDerivatives(int l, int q)
        {
            Span<double> u = _u.AsSpan(0, q);
            ReadOnlySpan<double> b = _b.AsSpan(0, q), wy = _wy.AsSpan(0, q), w1 = _w1.AsSpan(0, q);
            u.Clear();
            double theta = _theta[l];
            for (int j = 1; j < q; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    int pair = LocalCovariance.Pair(j, k);
                    double derivative = -_local.Slopes[pair] * theta * _local.Powered(pair, l);
                    u[j] += derivative * b[k];
                    u[k] += derivative * b[j];
                }
            }
            double kb = 0, ky = 0, k1 = 0;
            for (int j = 0; j < q; j++)
            {
                int pair = LocalCovariance.Pair(q, j);
                double derivative = -_local.Slopes[pair] * theta * _local.Powered(pair, l);
                kb += derivative * b[j];
                ky += derivative * wy[j];
                k1 += derivative * w1[j];
            }
            return (-2 * kb + VectorKernels.Dot(b, u), -ky + VectorKernels.Dot(wy, u), -k1 + VectorKernels.Dot(w1, u));
        }

        /// <summary>dd, da, dc for ln η: the diagonal only, dΛ_jj = λ (fitted noise) or −τ_j²/σ² (known noise).</summary>
        private (double Dd, double Da, double Dc) NoiseDerivatives(int point, ReadOnlySpan<int> neighbours)
        {
            int q = neighbours.Length;
            var noise = _owner._noise;
            double DiagonalDerivative(int j) => noise.Mode == NoiseMode.Fit ? _noiseParameter : -noise.Variances![j] / _noiseParameter;
            double dd = DiagonalDerivative(point), da = 0, dc = 0;
            for (int j = 0; j < q; j++)
            {
                double u = DiagonalDerivative(neighbours[j]) * _b[j];
                dd += _b[j] * u;
                da += _wy[j] * u;
                dc += _w1[j] * u;
            }
            return (dd, da, dc);
        }
    }
}
