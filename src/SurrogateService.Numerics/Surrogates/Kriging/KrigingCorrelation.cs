using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The Kriging correlation corr(a, b) = R(s), s = Σ_l θ_l·|a_l − b_l|^{p_l} with θ_l &gt; 0, p_l ∈ (0, 2]
/// and R the profile of the kernel (<see cref="KernelShape"/>), evaluated for blocks of points with
/// 256-bit SIMD (powers and exponentials included: scalar Math.Pow and Math.Exp would dominate prediction time).
/// </summary>
/// <remarks>
/// Every element goes through the same vector arithmetic, including the ragged end of a span
/// (padded to a full vector), and sums run over dimensions in order. So an entry of the
/// correlation matrix, of a prediction vector and of the likelihood search's matrix is the same
/// bit pattern wherever it is computed: a model interpolates its own training points to rounding,
/// and a restored model is identical to the fitted one.
/// </remarks>
internal sealed class KrigingCorrelation
{
    /// <summary>Query points per block: a block of correlations stays in the L2 cache for hundreds of training points.</summary>
    public const int BlockSize = 64;

    private readonly double[] _theta;
    private readonly double[] _p;

    public KrigingCorrelation(KernelShape shape, double[] theta, double[] p)
    {
        if (theta.Length != p.Length)
            throw new ArgumentException("theta and p must have one entry per dimension.", nameof(p));
        Shape = shape;
        _theta = (double[])theta.Clone();
        _p = (double[])p.Clone();
    }

    public KernelShape Shape { get; }

    public ReadOnlySpan<double> Theta => _theta;

    public ReadOnlySpan<double> P => _p;

    /// <summary>
    /// block[i·m + k] = corr(x_i, v_k) for training point x_i and the m query points given transposed
    /// (coordinate l of query k at <c>queriesByDimension[l·m + k]</c>).
    /// </summary>
    public void FillBlock(PointSet training, ReadOnlySpan<double> queriesByDimension, int m, Span<double> block)
    {
        int d = training.Dimension;
        for (int i = 0; i < training.Count; i++)
        {
            Span<double> row = block.Slice(i * m, m);
            Span<double> exponents = row;
            exponents.Clear();
            ReadOnlySpan<double> xi = training[i];
            for (int l = 0; l < d; l++)
                AddPoweredDistances(exponents, queriesByDimension.Slice(l * m, m), xi[l], _theta[l], _p[l]);
            KernelProfiles.ApplyInPlace(Shape, row);
        }
    }

    /// <summary>
    /// column[i] = corr(x_i, v) for one query point v and every training point, given dimension-major
    /// (<see cref="Transpose"/> of the whole set): <see cref="FillBlock"/>'s column for one query, computed
    /// across the training points so that it runs in full vectors instead of one padded vector per training
    /// point and dimension. Each entry goes through the same operations in the same order (|Δ| is the same
    /// whichever operand comes first, since rounding is symmetric), so it has FillBlock's bits.
    /// </summary>
    public void FillColumn(ReadOnlySpan<double> trainingByDimension, ReadOnlySpan<double> query, Span<double> column)
    {
        int n = column.Length;
        column.Clear();
        for (int l = 0; l < query.Length; l++)
            AddPoweredDistances(column, trainingByDimension.Slice(l * n, n), query[l], _theta[l], _p[l]);
        KernelProfiles.ApplyInPlace(Shape, column);
    }

    /// <summary>
    /// gradient[l] = Σ_i weights_i·∂corr(v, x_i)/∂v_l, with ∂corr/∂v_l = −R'(s)·θ_l·p_l·|Δ_l|^{p_l − 1}·sign(Δ_l), Δ = v − x_i
    /// (0 where Δ_l = 0, the one-sided limit for p_l ≤ 1 taken as the symmetric 0).
    /// </summary>
    public void AddWeightedGradient(PointSet training, ReadOnlySpan<double> weights, ReadOnlySpan<double> v, Span<double> gradient)
    {
        int d = training.Dimension;
        for (int i = 0; i < training.Count; i++)
        {
            ReadOnlySpan<double> xi = training[i];
            double s = 0;
            for (int l = 0; l < d; l++)
                s += _theta[l] * Math.Pow(Math.Abs(v[l] - xi[l]), _p[l]);
            double scale = -weights[i] * KernelProfiles.NegativeSlope(Shape, s);
            for (int l = 0; l < d; l++)
            {
                double delta = v[l] - xi[l];
                if (delta != 0)
                    gradient[l] += scale * _theta[l] * _p[l] * Math.Pow(Math.Abs(delta), _p[l] - 1) * Math.Sign(delta);
            }
        }
    }

    /// <summary>The full symmetric n×n correlation matrix of the training points, row-major.</summary>
    public double[] Matrix(PointSet training)
    {
        int n = training.Count;
        var matrix = new double[n * n];
        FillBlock(training, Transpose(training, 0, n), n, matrix);
        return matrix;
    }

    /// <summary>Coordinates of points [first, first + m) of a set, dimension-major: the layout <see cref="FillBlock"/> reads.</summary>
    public static double[] Transpose(PointSet points, int first, int m)
    {
        var transposed = new double[points.Dimension * m];
        TransposeInto(points, first, m, transposed);
        return transposed;
    }

    /// <inheritdoc cref="Transpose"/>
    public static void TransposeInto(PointSet points, int first, int m, Span<double> transposed)
    {
        int d = points.Dimension;
        for (int k = 0; k < m; k++)
        {
            ReadOnlySpan<double> point = points[first + k];
            for (int l = 0; l < d; l++)
                transposed[l * m + k] = point[l];
        }
    }

    /// <summary>exponents[k] += θ·|coordinates[k] − center|^p.</summary>
    // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddPoweredDistances(Span<double> exponents, ReadOnlySpan<double> coordinates, double center, double theta, double p)
    {
        var c = Vector256.Create(center);
        var t = Vector256.Create(theta);
        int full = exponents.Length - exponents.Length % 4;
        var e = MemoryMarshal.Cast<double, Vector256<double>>(exponents[..full]);
        var x = MemoryMarshal.Cast<double, Vector256<double>>(coordinates[..full]);
        for (int k = 0; k < e.Length; k++)
            e[k] += t * Power(Vector256.Abs(x[k] - c), p);
        if (full < exponents.Length)
            KernelProfiles.StoreTail(KernelProfiles.LoadTail(exponents[full..]) + t * Power(Vector256.Abs(KernelProfiles.LoadTail(coordinates[full..]) - c), p), exponents[full..]);
    }

    /// <summary>values[k] ← |values[k]|^p (the likelihood search caches these per pair of points).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PowerInPlace(Span<double> values, double p)
    {
        int full = values.Length - values.Length % 4;
        var v = MemoryMarshal.Cast<double, Vector256<double>>(values[..full]);
        for (int k = 0; k < v.Length; k++)
            v[k] = Power(Vector256.Abs(v[k]), p);
        if (full < values.Length)
            KernelProfiles.StoreTail(Power(Vector256.Abs(KernelProfiles.LoadTail(values[full..])), p), values[full..]);
    }

    /// <summary>|Δ|^p for |Δ| ≥ 0, with exact shortcuts for the common exponents 2 and 1; 0^p = 0 via exp(p·ln 0) = exp(−∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<double> Power(Vector256<double> absoluteDifference, double p) => p switch
    {
        2 => absoluteDifference * absoluteDifference,
        1 => absoluteDifference,
        _ => Vector256.Exp(Vector256.Log(absoluteDifference) * p),
    };
}
