using System.Diagnostics.CodeAnalysis;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// Cholesky factorisation A = L·Lᵀ of a dense symmetric positive definite matrix stored row-major
/// in a double[] of n×n entries. The factorisation happens in place: the array given to
/// <see cref="TryFactor"/> or <see cref="Factor"/> becomes L (upper triangle zeroed) and is owned
/// by the returned object. Only the lower triangle of A is read.
/// </summary>
/// <remarks>
/// Row-by-row (Cholesky–Banachiewicz) order: every inner product runs over two contiguous rows of
/// L, which suits row-major storage and SIMD. Solves use forward substitution by rows and back
/// substitution as row axpys for the same reason. Cost n³/6 multiply-adds to factor, n² per solve.
/// </remarks>
public sealed partial class Cholesky
{
    private readonly double[] _lower;

    private Cholesky(double[] lower, int size)
    {
        _lower = lower;
        Size = size;
    }

    public int Size { get; }

    /// <summary>The factor L, row-major n×n, zeros above the diagonal.</summary>
    public ReadOnlySpan<double> Lower => _lower;

    /// <summary>
    /// Factors <paramref name="matrix"/> in place. Returns false when a pivot is not positive
    /// (the matrix is not numerically positive definite); the array then holds a partial factor.
    /// </summary>
    public static bool TryFactor(double[] matrix, int size, [NotNullWhen(true)] out Cholesky? factor)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (matrix.Length != size * size)
            throw new ArgumentException($"Expected {size * size} entries, got {matrix.Length}.", nameof(matrix));
        factor = null;
        Span<double> a = matrix;
        Span<double> sums = stackalloc double[4];
        // Rows go in groups of four: entry (i, j) of the four rows needs the same row j of L, which
        // DotFour then loads once instead of four times.
        for (int first = 0; first < size; first += 4)
        {
            int rows = Math.Min(4, size - first);
            if (rows == 4)
            {
                Span<double> r0 = a.Slice(first * size, size), r1 = a.Slice((first + 1) * size, size);
                Span<double> r2 = a.Slice((first + 2) * size, size), r3 = a.Slice((first + 3) * size, size);
                for (int j = 0; j < first; j++)
                {
                    ReadOnlySpan<double> rowJ = a.Slice(j * size, j + 1);
                    VectorKernels.DotFour(rowJ[..j], r0, r1, r2, r3, sums);
                    double pivot = rowJ[j];
                    r0[j] = (r0[j] - sums[0]) / pivot;
                    r1[j] = (r1[j] - sums[1]) / pivot;
                    r2[j] = (r2[j] - sums[2]) / pivot;
                    r3[j] = (r3[j] - sums[3]) / pivot;
                }
            }
            for (int i = first; i < first + rows; i++)
            {
                if (!FinishRow(a, size, i, rows == 4 ? first : 0))
                    return false;
            }
        }
        factor = new Cholesky(matrix, size);
        return true;
    }

    /// <summary>Row i of L from column <paramref name="from"/> on (the columns before are done), then the pivot.</summary>
    private static bool FinishRow(Span<double> a, int size, int i, int from)
    {
        Span<double> rowI = a.Slice(i * size, size);
        for (int j = from; j < i; j++)
        {
            ReadOnlySpan<double> rowJ = a.Slice(j * size, j + 1);
            rowI[j] = (rowI[j] - VectorKernels.Dot(rowI[..j], rowJ[..j])) / rowJ[j];
        }
        double pivot = rowI[i] - VectorKernels.Dot(rowI[..i], rowI[..i]);
        // The negated test also rejects NaN pivots.
        if (!(pivot > 0))
            return false;
        rowI[i] = Math.Sqrt(pivot);
        rowI[(i + 1)..].Clear();
        return true;
    }

    /// <summary>Factors <paramref name="matrix"/> in place.</summary>
    /// <exception cref="ArgumentException">The matrix is not positive definite.</exception>
    public static Cholesky Factor(double[] matrix, int size) =>
        TryFactor(matrix, size, out var factor)
            ? factor
            : throw new ArgumentException("The matrix is not positive definite.", nameof(matrix));

    /// <summary>ln det A = 2·Σ ln L_ii.</summary>
    public double LogDeterminant()
    {
        double sum = 0;
        for (int i = 0; i < Size; i++)
            sum += Math.Log(_lower[i * Size + i]);
        return 2 * sum;
    }

    /// <summary>Solves A·x = b in place: <paramref name="rightHandSide"/> holds b on entry, x on return.</summary>
    public void Solve(Span<double> rightHandSide)
    {
        ForwardSubstitute(rightHandSide);
        BackSubstitute(rightHandSide);
    }

    /// <summary>Solves L·z = b in place. ‖z‖² = bᵀA⁻¹b, which is how quadratic forms are taken without A⁻¹.</summary>
    public void ForwardSubstitute(Span<double> rightHandSide)
    {
        CheckLength(rightHandSide.Length);
        ReadOnlySpan<double> l = _lower;
        for (int i = 0; i < Size; i++)
        {
            ReadOnlySpan<double> row = l.Slice(i * Size, i + 1);
            rightHandSide[i] = (rightHandSide[i] - VectorKernels.Dot(row[..i], rightHandSide[..i])) / row[i];
        }
    }

    /// <summary>Solves Lᵀ·x = z in place.</summary>
    public void BackSubstitute(Span<double> rightHandSide)
    {
        CheckLength(rightHandSide.Length);
        ReadOnlySpan<double> l = _lower;
        for (int i = Size - 1; i >= 0; i--)
        {
            ReadOnlySpan<double> row = l.Slice(i * Size, i + 1);
            double x = rightHandSide[i] / row[i];
            rightHandSide[i] = x;
            VectorKernels.AddScaled(rightHandSide[..i], -x, row[..i]);
        }
    }

    /// <summary>
    /// Solves A·X = B in place for <paramref name="columns"/> right-hand sides at once; B is n×columns, row-major.
    /// </summary>
    public void Solve(Span<double> rightHandSides, int columns)
    {
        ForwardSubstitute(rightHandSides, columns);
        BackSubstitute(rightHandSides, columns);
    }

    /// <summary>Solves Lᵀ·X = Z in place for an n×columns row-major Z.</summary>
    public void BackSubstitute(Span<double> rightHandSides, int columns)
    {
        CheckBlock(rightHandSides.Length, columns);
        ReadOnlySpan<double> l = _lower;
        for (int i = Size - 1; i >= 0; i--)
        {
            Span<double> rowI = rightHandSides.Slice(i * columns, columns);
            Scale(rowI, 1 / l[i * Size + i]);
            for (int k = 0; k < i; k++)
                VectorKernels.AddScaled(rightHandSides.Slice(k * columns, columns), -l[i * Size + k], rowI);
        }
    }

    /// <summary>
    /// The diagonal of A⁻¹ without forming A⁻¹: (A⁻¹)_ii = ‖L⁻¹e_i‖², one forward solve per unit
    /// vector starting at row i (n³/6 multiply-adds in all).
    /// </summary>
    public void InverseDiagonal(Span<double> diagonal)
    {
        CheckLength(diagonal.Length);
        ReadOnlySpan<double> l = _lower;
        var z = new double[Size];
        for (int i = 0; i < Size; i++)
        {
            // L⁻¹e_i vanishes above row i, so the solve starts there.
            z[i] = 1 / l[i * Size + i];
            double sumOfSquares = z[i] * z[i];
            for (int k = i + 1; k < Size; k++)
            {
                ReadOnlySpan<double> row = l.Slice(k * Size, k + 1);
                z[k] = -VectorKernels.Dot(row[i..k], z.AsSpan(i, k - i)) / row[k];
                sumOfSquares += z[k] * z[k];
            }
            diagonal[i] = sumOfSquares;
        }
    }

    private static void Scale(Span<double> values, double factor)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] *= factor;
    }

    private void CheckBlock(int length, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (length != Size * columns)
            throw new ArgumentException($"Expected {Size * columns} entries ({Size}×{columns}), got {length}.");
    }

    private void CheckLength(int length)
    {
        if (length != Size)
            throw new ArgumentException($"Expected a vector of length {Size}, got {length}.");
    }
}
