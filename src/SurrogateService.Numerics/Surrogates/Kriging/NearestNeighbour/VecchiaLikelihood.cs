using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The Vecchia approximation of the ordinary-Kriging log-likelihood: the joint density of the values, in the order of <see cref="VecchiaNeighbours"/>, as the
/// product of each value's density given its m nearest predecessors instead of all of them
/// (Vecchia 1988; Katzfuss &amp; Guinness 2021, Statistical Science 36(1)). With m ≥ n − 1 it is the
/// exact likelihood. Each point costs one (q + 1)-point covariance problem, so an evaluation is
/// O(n·m³), in parallel over fixed chunks of the k-d tree's layout whose sums are added in chunk order (the
/// result does not depend on scheduling).
/// </summary>
/// <remarks>
/// For point i with neighbours N, b = A⁻¹k and the conditional variance (over σ²) is
/// d_i = κ_i − kᵀb; with the mean μ the conditional residual is e_i = a_i − μ·c_i where
/// a_i = y_i − bᵀy_N and c_i = 1 − bᵀ1. Then μ = Σ a_i c_i/d_i / Σ c_i²/d_i (generalised least
/// squares, as in the exact fit), S = Σ e_i²/d_i, and L = −(n/2)·ln σ² − ½·Σ ln d_i with σ² = S/n
/// concentrated out, or L = −(n/2)·ln σ² − ½·Σ ln d_i − S/(2σ²) + n/2 for a known noise whose σ² is
/// searched — the exact likelihood's two forms, with ln det K replaced by Σ ln d_i. The values are
/// centred first, so the sums that expand e in μ do not cancel.
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

    /// <summary>What one evaluation found: μ, σ² and L; L is −∞ where a block cannot be factored.</summary>
    public readonly record struct Evaluation(double Mean, double ProcessVariance, double LogLikelihood);

    /// <summary>The likelihood at (θ, p, η).</summary>
    public Evaluation Evaluate(double[] theta, double[] p, double noiseParameter, CancellationToken cancellationToken)
    {
        int n = _data.Count;
        const int width = Sums.Width;
        int chunks = (n + VecchiaNeighbours.ChunkSize - 1) / VecchiaNeighbours.ChunkSize;
        var partial = new double[chunks * width];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken },
                () => new PointTerms(this, theta, p, noiseParameter),
                (chunk, _, terms) =>
                {
                    var sums = partial.AsSpan(chunk * width, width);
                    // In the tree's layout: neighbouring points share most of their neighbours, which then stay in the cache.
                    for (int position = chunk * VecchiaNeighbours.ChunkSize; position < Math.Min(n, (chunk + 1) * VecchiaNeighbours.ChunkSize); position++)
                    {
                        if (!terms.Add(_neighbours.RankInLayout(position), sums))
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
            return new Evaluation(double.NaN, double.NaN, double.NegativeInfinity);

        double mean = total[Sums.AC] / total[Sums.CC];
        double residual = total[Sums.AA] - 2 * mean * total[Sums.AC] + mean * mean * total[Sums.CC];
        bool known = _noise.Mode == NoiseMode.Known;
        double variance = known ? noiseParameter : residual / n;
        double logLikelihood = -0.5 * n * Math.Log(variance) - 0.5 * total[Sums.LogD];
        if (known)
            logLikelihood += -0.5 * residual / variance + 0.5 * n;
        if (!double.IsFinite(logLikelihood))
            logLikelihood = double.NegativeInfinity;
        return new Evaluation(mean + _centre, variance, logLikelihood);
    }

    /// <summary>The layout of one chunk's sums.</summary>
    private static class Sums
    {
        public const int AA = 0, AC = 1, CC = 2, LogD = 3, Failed = 4, Width = 5;
    }

    /// <summary>One thread's workspace: adds the terms of one point after another to its chunk's sums.</summary>
    private sealed class PointTerms
    {
        private readonly VecchiaLikelihood _owner;
        private readonly double[] _theta, _p;
        private readonly double _noiseParameter;
        private readonly LocalCovariance _local;
        private readonly double[] _b, _wy, _w1;
        private readonly Func<int, double> _diagonalOf;

        public PointTerms(VecchiaLikelihood owner, double[] theta, double[] p, double noiseParameter)
        {
            _owner = owner;
            _theta = theta;
            _p = p;
            _noiseParameter = noiseParameter;
            int m = owner._neighbours.Size;
            _local = new LocalCovariance(m, owner._data.Dimension, owner._shape);
            _b = new double[m];
            _wy = new double[m];
            _w1 = new double[m];
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Add(int k, Span<double> sums)
        {
            var data = _owner._data;
            int point = _owner._neighbours.Order[k];
            ReadOnlySpan<int> neighbours = _owner._neighbours.Of(k);
            int q = neighbours.Length;
            if (!_local.Factor(data.Points, neighbours, data.Points[point], _theta, _p, _diagonalOf))
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
            return true;
        }
    }
}
