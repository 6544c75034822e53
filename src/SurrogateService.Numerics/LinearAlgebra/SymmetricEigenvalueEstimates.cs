using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// Cheap estimates of the extreme eigenvalues of a symmetric matrix, O(n²) per iteration, for
/// condition-number control where a full eigendecomposition (O(n³) with a large constant) would
/// cost more than the factorisation it protects.
/// </summary>
public static class SymmetricEigenvalueEstimates
{
    /// <summary>
    /// An upper bound on the largest eigenvalue of a symmetric matrix with nonnegative entries
    /// (row-major n×n, only the lower triangle is read), tight to <paramref name="relativeTolerance"/> once converged.
    /// </summary>
    /// <remarks>
    /// For a nonnegative matrix and any positive vector x, max_i (Ax)_i / x_i ≥ λmax (the
    /// Collatz–Wielandt bound), and the Rayleigh quotient xᵀAx/xᵀx ≤ λmax. Power iteration from the
    /// all-ones vector (whose first bound is the largest row sum, Gershgorin's) squeezes the two
    /// together; the smallest upper bound seen is returned, so the result never understates λmax
    /// even when the iteration stops early.
    /// </remarks>
    public static double LargestUpperBound(ReadOnlySpan<double> matrix, int size, double relativeTolerance = 1e-3, int maxIterations = 100)
    {
        CheckSquare(matrix.Length, size);
        var x = new double[size];
        var ax = new double[size];
        Array.Fill(x, 1.0);
        double upper = double.PositiveInfinity;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            MultiplyFromLowerTriangle(matrix, size, x, ax);
            double ratioMax = 0;
            for (int i = 0; i < size; i++)
            {
                // A component that underflowed to zero voids this iteration's bound, not the earlier ones.
                ratioMax = x[i] > 0 ? Math.Max(ratioMax, ax[i] / x[i]) : double.PositiveInfinity;
            }
            upper = Math.Min(upper, ratioMax);
            double lower = VectorKernels.Dot(x, ax) / VectorKernels.Dot(x, x);
            if (upper - lower <= relativeTolerance * upper)
                break;
            double scale = 1 / Math.Sqrt(VectorKernels.Dot(ax, ax));
            for (int i = 0; i < size; i++)
                x[i] = ax[i] * scale;
        }
        return upper;
    }

    /// <summary>y = A·x for symmetric A given by its lower triangle: a dot and an axpy per row, both contiguous.</summary>
    private static void MultiplyFromLowerTriangle(ReadOnlySpan<double> matrix, int size, ReadOnlySpan<double> x, Span<double> y)
    {
        y.Clear();
        for (int i = 0; i < size; i++)
        {
            ReadOnlySpan<double> below = matrix.Slice(i * size, i);
            y[i] += VectorKernels.Dot(below, x[..i]) + matrix[i * size + i] * x[i];
            VectorKernels.AddScaled(y[..i], x[i], below);
        }
    }

    /// <summary>
    /// An estimate of the smallest eigenvalue of a symmetric positive definite matrix, by inverse
    /// iteration through its Cholesky factor. The estimate is a Rayleigh quotient, so it is never
    /// below the true value (up to rounding) and converges to it from above.
    /// </summary>
    /// <remarks>
    /// Each step solves A·y = x and takes yᵀAy/yᵀy = xᵀy/yᵀy; the error of a Rayleigh quotient is
    /// quadratic in the error of the vector, so a handful of steps gives a few digits. The start
    /// vector is a fixed pseudo-random one, so the estimate is a deterministic function of A.
    /// Because every estimate bounds λmin from above, iteration may stop as soon as one falls below
    /// <paramref name="stopBelow"/>: a caller that only needs to know that λmin is that small has its answer.
    /// </remarks>
    public static double SmallestEstimate(Cholesky factor, double relativeTolerance = 1e-3, int maxIterations = 50, double stopBelow = 0)
    {
        ArgumentNullException.ThrowIfNull(factor);
        int size = factor.Size;
        var random = new DeterministicRandom(0x5EED);
        var x = new double[size];
        for (int i = 0; i < size; i++)
            x[i] = random.NextGaussian();
        Normalise(x);
        var y = new double[size];
        double estimate = double.PositiveInfinity;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            x.CopyTo(y, 0);
            factor.Solve(y);
            double yy = VectorKernels.Dot(y, y);
            double next = VectorKernels.Dot(x, y) / yy;
            bool converged = Math.Abs(estimate - next) <= relativeTolerance * Math.Abs(next) || next < stopBelow;
            estimate = next;
            if (converged)
                break;
            double scale = 1 / Math.Sqrt(yy);
            for (int i = 0; i < size; i++)
                x[i] = y[i] * scale;
        }
        return estimate;
    }

    private static void Normalise(Span<double> x)
    {
        double scale = 1 / Math.Sqrt(VectorKernels.Dot(x, x));
        for (int i = 0; i < x.Length; i++)
            x[i] *= scale;
    }

    private static void CheckSquare(int length, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (length != size * size)
            throw new ArgumentException($"Expected {size * size} entries, got {length}.");
    }
}
