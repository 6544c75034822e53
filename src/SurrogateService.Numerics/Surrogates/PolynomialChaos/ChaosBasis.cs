using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// A set of multivariate orthonormal Legendre polynomials ψ_α(x) = Π_j ψ_{α_j}(t_j) on the design
/// box, t = (x − mid)/half-width, i.e. orthonormal for inputs uniform on the box. Each term keeps
/// only its non-zero (coordinate, degree) pairs: most terms of a chaos basis involve one or two inputs.
/// </summary>
internal sealed class ChaosBasis
{
    private readonly BoxScaling _scaling;
    private readonly double[] _inverseHalfWidth;
    private readonly int[] _termStart;
    private readonly int[] _factorCoordinate;
    private readonly int[] _factorDegree;
    private readonly int[] _coordinateDegree;

    /// <param name="multiIndices">Row-major, one row of d degrees per term.</param>
    public ChaosBasis(int[] multiIndices, Box box)
    {
        ArgumentNullException.ThrowIfNull(multiIndices);
        ArgumentNullException.ThrowIfNull(box);
        int d = box.Dimension;
        Dimension = d;
        Count = multiIndices.Length / d;
        MultiIndices = multiIndices;
        _scaling = new BoxScaling(box);
        _inverseHalfWidth = new double[d];
        for (int j = 0; j < d; j++)
            _inverseHalfWidth[j] = 2 / (box.Upper[j] - box.Lower[j]);
        _coordinateDegree = new int[d];
        _termStart = new int[Count + 1];
        var coordinates = new List<int>();
        var degrees = new List<int>();
        for (int k = 0; k < Count; k++)
        {
            _termStart[k] = coordinates.Count;
            for (int j = 0; j < d; j++)
            {
                int a = multiIndices[k * d + j];
                if (a == 0)
                    continue;
                coordinates.Add(j);
                degrees.Add(a);
                _coordinateDegree[j] = Math.Max(_coordinateDegree[j], a);
            }
        }
        _termStart[Count] = coordinates.Count;
        _factorCoordinate = [.. coordinates];
        _factorDegree = [.. degrees];
    }

    public int Dimension { get; }

    /// <summary>Number of terms.</summary>
    public int Count { get; }

    /// <summary>Row-major, Count × Dimension.</summary>
    public int[] MultiIndices { get; }

    /// <summary>The degree of term <paramref name="term"/> in coordinate <paramref name="coordinate"/>.</summary>
    public int Degree(int term, int coordinate) => MultiIndices[term * Dimension + coordinate];

    /// <summary>Whether term <paramref name="term"/> is the constant.</summary>
    public bool IsConstant(int term) => _termStart[term] == _termStart[term + 1];

    /// <summary>Scratch space for <see cref="Evaluate"/>: ψ_0..ψ_{max degree} for every coordinate.</summary>
    public UnivariateTable CreateTable() => new(_coordinateDegree);

    /// <summary>Writes the <see cref="Count"/> basis values at <paramref name="point"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> point, UnivariateTable table, Span<double> terms)
    {
        table.Fill(_scaling, point, withDerivatives: false);
        for (int k = 0; k < Count; k++)
        {
            double product = 1;
            for (int f = _termStart[k]; f < _termStart[k + 1]; f++)
                product *= table.Value(_factorCoordinate[f], _factorDegree[f]);
            terms[k] = product;
        }
    }

    /// <summary>Adds Σ_k c_k ∂ψ_k/∂x_l to gradient[l] for every coordinate l.</summary>
    public void AddGradient(ReadOnlySpan<double> point, ReadOnlySpan<double> coefficients, UnivariateTable table, Span<double> gradient)
    {
        table.Fill(_scaling, point, withDerivatives: true);
        for (int k = 0; k < Count; k++)
        {
            int first = _termStart[k], end = _termStart[k + 1];
            for (int f = first; f < end; f++)
            {
                int l = _factorCoordinate[f];
                double product = coefficients[k] * table.Derivative(l, _factorDegree[f]) * _inverseHalfWidth[l];
                for (int g = first; g < end; g++)
                {
                    if (g != f)
                        product *= table.Value(_factorCoordinate[g], _factorDegree[g]);
                }
                gradient[l] += product;
            }
        }
    }

    /// <summary>
    /// ∫_box Σ_k c_k ψ_k(x) dx in closed form: the integral factorises over coordinates, and with
    /// t = (x − mid)/h, ∫ψ_k dx = h·√(2k + 1)·[P_{k+1} − P_{k−1}]_{t_a}^{t_b}/(2k + 1) for k ≥ 1 (from
    /// (2k + 1)P_k = P'_{k+1} − P'_{k−1}) and h·(t_b − t_a) for k = 0. The box may be any box.
    /// </summary>
    public double Integrate(Box box, ReadOnlySpan<double> coefficients)
    {
        int d = Dimension;
        var lower = new double[d];
        var upper = new double[d];
        _scaling.ToUnit(box.Lower, lower);
        _scaling.ToUnit(box.Upper, upper);
        var factors = new double[d][];
        double jacobian = 1;
        for (int j = 0; j < d; j++)
        {
            jacobian /= _inverseHalfWidth[j];
            int degree = _coordinateDegree[j];
            var atLower = new double[degree + 2];
            var atUpper = new double[degree + 2];
            LegendrePolynomials.Evaluate(lower[j], atLower);
            LegendrePolynomials.Evaluate(upper[j], atUpper);
            // P_k = ψ_k/√(2k + 1).
            double P(double[] values, int k) => values[k] / Math.Sqrt(2 * k + 1);
            factors[j] = new double[degree + 1];
            factors[j][0] = upper[j] - lower[j];
            for (int k = 1; k <= degree; k++)
            {
                double difference = P(atUpper, k + 1) - P(atUpper, k - 1) - P(atLower, k + 1) + P(atLower, k - 1);
                factors[j][k] = Math.Sqrt(2 * k + 1) * difference / (2 * k + 1);
            }
        }
        double sum = 0;
        for (int k = 0; k < Count; k++)
        {
            double product = coefficients[k];
            for (int j = 0; j < d; j++)
                product *= factors[j][Degree(k, j)];
            sum += product;
        }
        return jacobian * sum;
    }

    /// <summary>The design matrix column-major: column k holds ψ_k at every point.</summary>
    public double[] DesignColumns(PointSet points)
    {
        int n = points.Count;
        var design = new double[n * Count];
        var table = CreateTable();
        var row = new double[Count];
        for (int i = 0; i < n; i++)
        {
            Evaluate(points[i], table, row);
            for (int k = 0; k < Count; k++)
                design[k * n + i] = row[k];
        }
        return design;
    }

    /// <summary>ψ_0..ψ_{p_j}(t_j) (and derivatives) for every coordinate j at one point.</summary>
    internal sealed class UnivariateTable
    {
        private readonly int[] _offset;
        private readonly double[] _values;
        private readonly double[] _derivatives;
        private readonly double[] _unit;

        public UnivariateTable(int[] maximumDegrees)
        {
            _offset = new int[maximumDegrees.Length + 1];
            for (int j = 0; j < maximumDegrees.Length; j++)
                _offset[j + 1] = _offset[j] + maximumDegrees[j] + 1;
            _values = new double[_offset[^1]];
            _derivatives = new double[_offset[^1]];
            _unit = new double[maximumDegrees.Length];
        }

        public double Value(int coordinate, int degree) => _values[_offset[coordinate] + degree];

        public double Derivative(int coordinate, int degree) => _derivatives[_offset[coordinate] + degree];

        public void Fill(BoxScaling scaling, ReadOnlySpan<double> point, bool withDerivatives)
        {
            scaling.ToUnit(point, _unit);
            for (int j = 0; j < _unit.Length; j++)
            {
                var range = _offset[j].._offset[j + 1];
                if (withDerivatives)
                    LegendrePolynomials.EvaluateWithDerivatives(_unit[j], _values.AsSpan(range), _derivatives.AsSpan(range));
                else
                    LegendrePolynomials.Evaluate(_unit[j], _values.AsSpan(range));
            }
        }
    }
}
