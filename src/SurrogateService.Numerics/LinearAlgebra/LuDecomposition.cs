namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// PA = LU of a dense square matrix (row-major) with partial pivoting. Solves with the matrix and
/// its transpose, gives the diagonal of the inverse (for closed-form leave-one-out errors) and a
/// 1-norm condition estimate, all from the one factorisation.
/// </summary>
public sealed class LuDecomposition
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[] _lu;
    private readonly int[] _rowOfPivot;
    private readonly double _normOne;

    public LuDecomposition(ReadOnlySpan<double> matrix, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (matrix.Length != size * size)
            throw new ArgumentException($"Expected {size * size} entries, got {matrix.Length}.", nameof(matrix));
        Size = size;
        _lu = matrix.ToArray();
        _rowOfPivot = new int[size];
        for (int i = 0; i < size; i++)
            _rowOfPivot[i] = i;
        _normOne = NormOne(matrix, size);
        Factorise();
    }

    public int Size { get; }

    /// <summary>A pivot was zero or negligible (below n·ε·max|a_ij|): the matrix is numerically singular.</summary>
    public bool IsSingular { get; private set; }

    private void Factorise()
    {
        int n = Size;
        double largest = 0;
        foreach (double value in _lu)
            largest = Math.Max(largest, Math.Abs(value));
        double negligible = n * MachineEpsilon * largest;
        var lu = _lu.AsSpan();
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Math.Abs(lu[i * n + k]) > Math.Abs(lu[pivot * n + k]))
                    pivot = i;
            }
            if (pivot != k)
            {
                for (int j = 0; j < n; j++)
                    (lu[k * n + j], lu[pivot * n + j]) = (lu[pivot * n + j], lu[k * n + j]);
                (_rowOfPivot[k], _rowOfPivot[pivot]) = (_rowOfPivot[pivot], _rowOfPivot[k]);
            }
            double diagonal = lu[k * n + k];
            if (Math.Abs(diagonal) <= negligible)
            {
                IsSingular = true;
                continue;
            }
            var pivotRow = lu.Slice(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                double factor = lu[i * n + k] /= diagonal;
                if (factor != 0)
                    SpanMath.AddScaled(lu.Slice(i * n + k + 1, n - k - 1), -factor, pivotRow);
            }
        }
    }

    /// <summary>Solves A·x = b.</summary>
    public void Solve(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        CheckSolvable(rhs, solution);
        int n = Size;
        for (int i = 0; i < n; i++)
            solution[i] = rhs[_rowOfPivot[i]];
        for (int i = 1; i < n; i++)
            solution[i] -= SpanMath.Dot(_lu.AsSpan(i * n, i), solution[..i]);
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = solution[i] - SpanMath.Dot(_lu.AsSpan(i * n + i + 1, n - i - 1), solution.Slice(i + 1, n - i - 1));
            solution[i] = sum / _lu[i * n + i];
        }
    }

    /// <summary>Solves Aᵀ·x = b (Aᵀ = UᵀLᵀP, walked row by row so memory stays contiguous).</summary>
    public void SolveTransposed(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        CheckSolvable(rhs, solution);
        int n = Size;
        var work = rhs.ToArray().AsSpan();
        for (int i = 0; i < n; i++)
        {
            work[i] /= _lu[i * n + i];
            SpanMath.AddScaled(work.Slice(i + 1, n - i - 1), -work[i], _lu.AsSpan(i * n + i + 1, n - i - 1));
        }
        for (int i = n - 1; i > 0; i--)
            SpanMath.AddScaled(work[..i], -work[i], _lu.AsSpan(i * n, i));
        for (int i = 0; i < n; i++)
            solution[_rowOfPivot[i]] = work[i];
    }

    /// <summary>
    /// (A⁻¹)_ii for i &lt; <paramref name="count"/>. Solves for blocks of unit vectors at once, so the
    /// substitutions become row updates over a block (SIMD axpys) instead of one dot product per entry.
    /// </summary>
    public double[] InverseDiagonal(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Size);
        if (IsSingular)
            throw new InvalidOperationException("The matrix is singular.");
        const int BlockWidth = 128;
        int n = Size;
        var diagonal = new double[count];
        var block = new double[n * Math.Min(BlockWidth, count)];
        for (int first = 0; first < count; first += BlockWidth)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int width = Math.Min(BlockWidth, count - first);
            var x = block.AsSpan(0, n * width);
            x.Clear();
            for (int i = 0; i < n; i++)
            {
                int column = _rowOfPivot[i] - first;
                if (column >= 0 && column < width)
                    x[i * width + column] = 1;
            }
            for (int i = 1; i < n; i++)
            {
                var row = x.Slice(i * width, width);
                for (int k = 0; k < i; k++)
                {
                    double factor = _lu[i * n + k];
                    if (factor != 0)
                        SpanMath.AddScaled(row, -factor, x.Slice(k * width, width));
                }
            }
            for (int i = n - 1; i >= 0; i--)
            {
                var row = x.Slice(i * width, width);
                for (int k = i + 1; k < n; k++)
                {
                    double factor = _lu[i * n + k];
                    if (factor != 0)
                        SpanMath.AddScaled(row, -factor, x.Slice(k * width, width));
                }
                double pivot = _lu[i * n + i];
                for (int j = 0; j < width; j++)
                    row[j] /= pivot;
            }
            for (int j = 0; j < width; j++)
                diagonal[first + j] = x[(first + j) * width + j];
        }
        return diagonal;
    }

    /// <summary>
    /// κ₁(A) = ‖A‖₁·‖A⁻¹‖₁ with ‖A⁻¹‖₁ estimated by Hager's method as refined by Higham
    /// (a few solves instead of an O(n³) inverse); it is a lower bound, and rarely off by more than a
    /// small factor. Infinite when the matrix is singular.
    /// </summary>
    public double EstimateConditionNumber()
    {
        if (IsSingular)
            return double.PositiveInfinity;
        int n = Size;
        if (n == 1)
            return 1;
        var x = new double[n];
        var y = new double[n];
        var z = new double[n];
        Array.Fill(x, 1.0 / n);
        double estimate = 0;
        for (int iteration = 0; iteration < 5; iteration++)
        {
            Solve(x, y);
            double norm = SumOfMagnitudes(y);
            if (iteration > 0 && norm <= estimate)
                break;
            estimate = norm;
            for (int i = 0; i < n; i++)
                y[i] = y[i] >= 0 ? 1 : -1;
            SolveTransposed(y, z);
            int best = 0;
            for (int i = 1; i < n; i++)
            {
                if (Math.Abs(z[i]) > Math.Abs(z[best]))
                    best = i;
            }
            if (iteration > 0 && Math.Abs(z[best]) <= SpanMath.Dot(z, x))
                break;
            Array.Clear(x);
            x[best] = 1;
        }
        // Higham's extra test vector catches the matrices that fool the iteration above.
        for (int i = 0; i < n; i++)
            x[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double)i / (n - 1));
        Solve(x, y);
        estimate = Math.Max(estimate, 2 * SumOfMagnitudes(y) / (3.0 * n));
        return _normOne * estimate;
    }

    private void CheckSolvable(ReadOnlySpan<double> rhs, Span<double> solution)
    {
        if (IsSingular)
            throw new InvalidOperationException("The matrix is singular.");
        if (rhs.Length != Size || solution.Length != Size)
            throw new ArgumentException($"Vectors must have {Size} entries.");
    }

    private static double NormOne(ReadOnlySpan<double> matrix, int n)
    {
        var columnSums = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                columnSums[j] += Math.Abs(matrix[i * n + j]);
        }
        return columnSums.Max();
    }

    private static double SumOfMagnitudes(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double value in values)
            sum += Math.Abs(value);
        return sum;
    }
}
