namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// Householder QR of a tall dense matrix (rows ≥ columns, given row-major) for least squares.
/// Stored column by column so that each reflection walks contiguous memory. Column k counts as
/// dependent when its distance from the span of the earlier columns, |R_kk|, is below
/// <c>rankTolerance</c> times its own norm: a relative test that ignores how the columns are scaled.
/// </summary>
public sealed class QrDecomposition
{
    /// <summary>The default relative rank tolerance: far above rounding noise, far below real signal.</summary>
    public const double DefaultRankTolerance = 1e-10;

    private readonly double[] _columns;
    private readonly double[] _diagonalOfR;
    private readonly double[] _reflectorSquaredNorms;

    public QrDecomposition(ReadOnlySpan<double> matrix, int rows, int columns, double rankTolerance = DefaultRankTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, columns);
        if (matrix.Length != rows * columns)
            throw new ArgumentException($"Expected {rows * columns} entries, got {matrix.Length}.", nameof(matrix));
        Rows = rows;
        Columns = columns;
        _columns = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
                _columns[j * rows + i] = matrix[i * columns + j];
        }
        _diagonalOfR = new double[columns];
        _reflectorSquaredNorms = new double[columns];
        FirstDependentColumn = -1;
        Factorise(rankTolerance);
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The first column that is (numerically) a combination of the earlier ones, or −1.</summary>
    public int FirstDependentColumn { get; private set; }

    public bool IsFullRank => FirstDependentColumn < 0;

    private Span<double> Column(int j) => _columns.AsSpan(j * Rows, Rows);

    private void Factorise(double rankTolerance)
    {
        for (int k = 0; k < Columns; k++)
        {
            double originalNorm = Norm(Column(k));
            var x = Column(k)[k..];
            double norm = Norm(x);
            if (norm <= rankTolerance * originalNorm || norm == 0)
            {
                if (FirstDependentColumn < 0)
                    FirstDependentColumn = k;
                if (norm == 0)
                    continue;
            }
            // Reflect x onto −sign(x₀)·‖x‖·e₀; v = x − that, kept in place of x.
            double alpha = x[0] >= 0 ? -norm : norm;
            x[0] -= alpha;
            _diagonalOfR[k] = alpha;
            _reflectorSquaredNorms[k] = SpanMath.Dot(x, x);
            for (int j = k + 1; j < Columns; j++)
                Reflect(k, Column(j)[k..]);
        }
    }

    /// <summary>Applies reflection k, I − 2vvᵀ/vᵀv, to the trailing part (rows k..) of a vector.</summary>
    private void Reflect(int k, Span<double> target)
    {
        var v = Column(k)[k..];
        SpanMath.AddScaled(target, -2 * SpanMath.Dot(v, target) / _reflectorSquaredNorms[k], v);
    }

    /// <summary>Applies Qᵀ to a vector in place.</summary>
    private void ApplyQTransposed(Span<double> vector)
    {
        for (int k = 0; k < Columns; k++)
        {
            if (_reflectorSquaredNorms[k] != 0)
                Reflect(k, vector[k..]);
        }
    }

    /// <summary>The x minimising ‖A·x − b‖₂.</summary>
    public double[] LeastSquares(ReadOnlySpan<double> rhs)
    {
        if (!IsFullRank)
            throw new InvalidOperationException("The matrix is rank deficient.");
        if (rhs.Length != Rows)
            throw new ArgumentException($"Expected {Rows} entries.", nameof(rhs));
        var work = rhs.ToArray();
        ApplyQTransposed(work);
        var solution = new double[Columns];
        for (int k = Columns - 1; k >= 0; k--)
        {
            double sum = work[k];
            for (int j = k + 1; j < Columns; j++)
                sum -= _columns[j * Rows + k] * solution[j];
            solution[k] = sum / _diagonalOfR[k];
        }
        return solution;
    }

    /// <summary>
    /// The leverages h_ii, the diagonal of the hat matrix A(AᵀA)⁻¹Aᵀ = Q₁Q₁ᵀ: the squared row
    /// norms of the thin Q, built by applying the reflections to the first unit vectors.
    /// </summary>
    public double[] Leverages()
    {
        if (!IsFullRank)
            throw new InvalidOperationException("The matrix is rank deficient.");
        var leverages = new double[Rows];
        var q = new double[Rows];
        for (int j = 0; j < Columns; j++)
        {
            Array.Clear(q);
            q[j] = 1;
            for (int k = Columns - 1; k >= 0; k--)
                Reflect(k, q.AsSpan(k));
            for (int i = 0; i < Rows; i++)
                leverages[i] += q[i] * q[i];
        }
        return leverages;
    }

    private static double Norm(ReadOnlySpan<double> values) => Math.Sqrt(SpanMath.Dot(values, values));
}
