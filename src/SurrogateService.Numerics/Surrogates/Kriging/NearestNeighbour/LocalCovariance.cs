using System.Runtime.CompilerServices;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The small covariance problem of one point and its q ≤ m neighbours, which is all the
/// nearest-neighbour approximation ever factors: A = K_NN (correlations among the neighbours plus
/// the diagonal 1 + ν + Λ) and k = the correlations between the neighbours and the point. A
/// workspace for one thread, reused from point to point; <see cref="Lower"/> holds the Cholesky factor of A.
/// </summary>
internal sealed class LocalCovariance
{
    private readonly int _dimension;
    private readonly KernelShape _shape;
    private readonly double[] _coordinates;
    // Pairs (j, k), k < j ≤ q, packed by rows: pair(j, k) = j(j − 1)/2 + k; row q pairs the point with its neighbours.
    private readonly double[] _scaled;

    public LocalCovariance(int m, int dimension, KernelShape shape)
    {
        _dimension = dimension;
        _shape = shape;
        _coordinates = new double[(m + 1) * dimension];
        int pairs = (m + 1) * m / 2;
        _scaled = new double[pairs];
        Correlations = new double[pairs];
        Lower = new double[m * m];
        Cross = new double[m];
    }

    /// <summary>Neighbours in this problem.</summary>
    public int Size { get; private set; }

    /// <summary>R of every pair, packed by rows (see <see cref="Pair"/>).</summary>
    public double[] Correlations { get; }

    /// <summary>The Cholesky factor of A, row-major with stride <see cref="Size"/>.</summary>
    public double[] Lower { get; }

    /// <summary>k, the correlations of the point with its neighbours.</summary>
    public double[] Cross { get; }

    public static int Pair(int j, int k) => j * (j - 1) / 2 + k;

    /// <summary>
    /// Fills the correlations for <paramref name="point"/> and its neighbours and factors A; false
    /// when A is not numerically positive definite. <paramref name="diagonal"/> gives A_jj for a neighbour index.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Factor(PointSet points, ReadOnlySpan<int> neighbours, ReadOnlySpan<double> point, ReadOnlySpan<double> theta, ReadOnlySpan<double> p,
        Func<int, double> diagonal)
    {
        int q = neighbours.Length, d = _dimension;
        Size = q;
        for (int j = 0; j < q; j++)
            points[neighbours[j]].CopyTo(_coordinates.AsSpan(j * d, d));
        point.CopyTo(_coordinates.AsSpan(q * d, d));
        int pairs = (q + 1) * q / 2;
        bool squares = true;
        for (int l = 0; l < d; l++)
            squares &= p[l] == 2;
        for (int j = 1, pair = 0; j <= q; j++)
        {
            ReadOnlySpan<double> xj = _coordinates.AsSpan(j * d, d);
            for (int k = 0; k < j; k++, pair++)
                _scaled[pair] = squares ? SquaredScaledDistance(xj, _coordinates.AsSpan(k * d, d), theta) : ScaledDistance(xj, _coordinates.AsSpan(k * d, d), theta, p);
        }
        Span<double> correlations = Correlations.AsSpan(0, pairs);
        _scaled.AsSpan(0, pairs).CopyTo(correlations);
        KernelProfiles.ApplyInPlace(_shape, correlations);
        for (int j = 0; j < q; j++)
        {
            Span<double> row = Lower.AsSpan(j * q, q);
            correlations.Slice(Pair(j, 0), j).CopyTo(row);
            row[j] = diagonal(neighbours[j]);
            row[(j + 1)..].Clear();
        }
        correlations.Slice(Pair(q, 0), q).CopyTo(Cross);
        return TryCholesky(q);
    }

    /// <summary>Σ θ_l·|Δx_l|^{p_l}.</summary>
    private static double ScaledDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> theta, ReadOnlySpan<double> p)
    {
        double s = 0;
        for (int l = 0; l < x.Length; l++)
        {
            double delta = Math.Abs(x[l] - y[l]);
            double powered = p[l] == 2 ? delta * delta : p[l] == 1 ? delta : Math.Pow(delta, p[l]);
            s += theta[l] * powered;
        }
        return s;
    }

    /// <summary>Σ θ_l·Δx_l², the same bits as <see cref="ScaledDistance"/> with every p_l = 2 (every kernel but the power exponential) without its branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SquaredScaledDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> theta)
    {
        double s = 0;
        for (int l = 0; l < x.Length; l++)
        {
            double delta = x[l] - y[l];
            s += theta[l] * (delta * delta);
        }
        return s;
    }

    /// <summary>v ← L⁻¹v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ForwardSubstitute(Span<double> v)
    {
        int q = Size;
        for (int i = 0; i < q; i++)
            v[i] = (v[i] - VectorKernels.Dot(Lower.AsSpan(i * q, i), v[..i])) / Lower[i * q + i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCholesky(int q)
    {
        for (int i = 0; i < q; i++)
        {
            Span<double> rowI = Lower.AsSpan(i * q, q);
            for (int j = 0; j <= i; j++)
            {
                ReadOnlySpan<double> rowJ = Lower.AsSpan(j * q, j);
                double sum = rowI[j] - VectorKernels.Dot(rowI[..j], rowJ);
                if (j < i)
                {
                    rowI[j] = sum / Lower[j * q + j];
                }
                else
                {
                    if (!(sum > 0))
                        return false;
                    rowI[i] = Math.Sqrt(sum);
                }
            }
        }
        return true;
    }
}
