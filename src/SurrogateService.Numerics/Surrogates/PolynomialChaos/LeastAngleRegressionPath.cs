using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>The order in which the terms entered and the corrected leave-one-out error of every prefix.</summary>
/// <param name="Order">Column indices in order of entry; the constant (column 0) first.</param>
/// <param name="Errors">Errors[k]: corrected relative leave-one-out error of the least-squares fit on Order[0..k].</param>
/// <param name="BestLength">The number of terms of the prefix with the smallest error (the shortest one on ties).</param>
internal sealed record LarsPath(int[] Order, double[] Errors, int BestLength)
{
    public double BestError => Errors[BestLength - 1];
}

/// <summary>
/// Hybrid least-angle regression (Efron, Hastie, Johnstone &amp; Tibshirani 2004, Ann. Statist.
/// 32:407–499, §2 and the "LARS–OLS hybrid" of §7) as used for sparse polynomial chaos by Blatman &amp;
/// Sudret (2011, J. Comput. Phys. 230:2345–2367): LARS on the centred, unit-norm columns decides
/// only the order in which terms enter; every prefix of that order is then refitted by ordinary
/// least squares and scored by its corrected leave-one-out error, and the best prefix wins.
/// </summary>
/// <remarks>
/// <para>One incremental Gram–Schmidt QR of the raw columns [1, x_a1, x_a2, …] serves both halves.
/// Q's first column is 1/√n, so the trailing block R_c of R is the R factor of the centred
/// columns; with D the centred column norms and s the signs of the active correlations, LARS's
/// equiangular direction u = A·Z_A·G⁻¹·s (G = Z_AᵀZ_A, A = (sᵀG⁻¹s)^−½, eq. 2.5–2.6) becomes
/// u = Q_c·t/‖t‖ with t = R_c⁻ᵀ·D·s. The least-squares residuals and leverages of every prefix follow
/// from one more column of Q each: r ← r − (qᵀy)q, h ← h + q², so the leave-one-out residual
/// r_i/(1 − h_i) (the PRESS identity) costs O(n) per step.</para>
/// <para>The correction factor of Chapelle, Vapnik &amp; Bengio (2002, Machine Learning 46:131–159),
/// T = n/(n − P)·(1 + tr(C⁻¹)/n) with C = ΨᵀΨ/n and P terms, as Blatman &amp; Sudret apply it, is
/// T = n/(n − P)·(1 + tr((ΨᵀΨ)⁻¹)) = n/(n − P)·(1 + ‖R⁻¹‖_F²): R⁻¹ is kept explicitly, grown by one
/// column per step. See also Sudret's summary in "Risk and Reliability in Geotechnical
/// Engineering" (2015) eq. 6.44, http://what-when-how.com/Tutorial/topic-1066h07inl/Risk-and-Reliability-in-Geotechnical-Engineering-304.html.</para>
/// </remarks>
internal sealed class LeastAngleRegressionPath
{
    /// <summary>A column whose part orthogonal to the active ones is this small, relative to its centred norm, is a combination of them.</summary>
    private const double DependenceTolerance = 1e-10;

    /// <summary>A leverage this close to 1 leaves the leave-one-out residual undefined.</summary>
    private const double LeverageOfOne = 1 - 1e-10;

    /// <summary>
    /// The path stops once this many steps (at least; a tenth of the longest possible path when that
    /// is more) have passed without a better prefix: past its minimum the corrected error, whose
    /// correction factor grows without bound as the terms approach n, rarely comes back down, and
    /// the rest of the path is most of the cost.
    /// </summary>
    private const int MinimumPatience = 20;

    /// <summary>A relative leave-one-out error this small is round-off: the data are reproduced and later terms would fit noise.</summary>
    public const double ExactFitError = 1e-20;

    private readonly double[] _design;
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _y;
    private readonly int _maximumTerms;
    private readonly double[] _q;
    private readonly double[] _rInverse;
    private readonly double[] _residual;
    private readonly double[] _leverage;
    private readonly List<int> _order = [];
    private readonly List<double> _errors = [];
    private int _bestLength;
    private double _traceOfInverse;
    private double _totalSquares;

    private LeastAngleRegressionPath(double[] design, int n, int p, double[] y)
    {
        _design = design;
        _n = n;
        _p = p;
        _y = y;
        // Beyond n − 1 terms the corrected error is undefined (n − P ≤ 0).
        _maximumTerms = Math.Min(n - 1, p);
        _q = new double[_maximumTerms * n];
        _rInverse = new double[_maximumTerms * _maximumTerms];
        _residual = new double[n];
        _leverage = new double[n];
    }

    /// <summary>Runs the path on the column-major n × p design whose column 0 is the constant ψ_0 = 1.</summary>
    public static LarsPath Run(double[] design, int n, int p, double[] y, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        if (n < 2)
            throw new ArgumentOutOfRangeException(nameof(n), n, "Needs at least two points.");
        var path = new LeastAngleRegressionPath(design, n, p, y);
        path.Trace(cancellationToken);
        return new LarsPath([.. path._order], [.. path._errors], path._bestLength);
    }

    private ReadOnlySpan<double> Column(int j) => _design.AsSpan(j * _n, _n);

    private Span<double> QColumn(int m) => _q.AsSpan(m * _n, _n);

    private void Trace(CancellationToken cancellationToken)
    {
        int n = _n;
        double mean = _y.Average();
        for (int i = 0; i < n; i++)
            _totalSquares += (_y[i] - mean) * (_y[i] - mean);
        if (!TryAdd(0))
            throw new InvalidOperationException("Column 0 must be the constant.");
        if (_totalSquares == 0 || _maximumTerms == 1)
            return;

        // Centred norms D_j and correlations c_j = z_jᵀ(y − ȳ) of the candidates (z_j the centred, unit-norm column).
        var norm = new double[_p];
        var correlation = new double[_p];
        var candidate = new bool[_p];
        var centred = new double[n];
        for (int i = 0; i < n; i++)
            centred[i] = _y[i] - mean;
        for (int j = 1; j < _p; j++)
        {
            var column = Column(j);
            double columnMean = 0;
            foreach (double v in column)
                columnMean += v;
            columnMean /= n;
            double squares = 0;
            foreach (double v in column)
                squares += (v - columnMean) * (v - columnMean);
            norm[j] = Math.Sqrt(squares);
            // A column constant over the points carries nothing the intercept does not.
            candidate[j] = norm[j] > DependenceTolerance * Math.Sqrt(n) * Math.Max(1, Math.Abs(columnMean));
            if (candidate[j])
                correlation[j] = VectorKernels.Dot(column, centred) / norm[j];
        }

        int patience = Math.Max(MinimumPatience, _maximumTerms / 10);
        var active = new List<int>();
        var signs = new List<double>();
        var t = new double[_maximumTerms];
        var u = new double[n];
        var step = new double[_p];
        double maximumCorrelation = 0;
        int entering = ArgMaxAbsolute(correlation, candidate);
        while (entering >= 0 && _order.Count < _maximumTerms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            candidate[entering] = false;
            if (TryAdd(entering))
            {
                active.Add(entering);
                signs.Add(Math.Sign(correlation[entering]));
                if (active.Count == 1)
                    maximumCorrelation = Math.Abs(correlation[entering]);
                if (_errors[^1] < ExactFitError || _order.Count == _maximumTerms || _order.Count - _bestLength > patience)
                    return;
            }
            if (active.Count == 0)
            {
                entering = ArgMaxAbsolute(correlation, candidate);
                continue;
            }

            // Equiangular direction u = Q_c·t/‖t‖, t = R_c⁻ᵀ·D·s (R_c⁻¹ is R⁻¹ without its first row and column).
            int k = active.Count;
            double tNorm = 0;
            for (int m = 0; m < k; m++)
            {
                var rInverseColumn = _rInverse.AsSpan((m + 1) * _maximumTerms + 1, m + 1);
                double sum = 0;
                for (int l = 0; l <= m; l++)
                    sum += rInverseColumn[l] * norm[active[l]] * signs[l];
                t[m] = sum;
                tNorm += sum * sum;
            }
            tNorm = Math.Sqrt(tNorm);
            double equiangular = 1 / tNorm;
            Array.Clear(u);
            for (int m = 0; m < k; m++)
                VectorKernels.AddScaled(u, t[m] / tNorm, QColumn(m + 1));

            // Step length γ (eq. 2.13): the smallest positive step at which an inactive column's
            // correlation catches up with the active ones'.
            double gamma = double.PositiveInfinity;
            entering = -1;
            for (int j = 1; j < _p; j++)
            {
                if (!candidate[j])
                    continue;
                double a = VectorKernels.Dot(Column(j), u) / norm[j];
                step[j] = a;
                double c = correlation[j];
                double g1 = (maximumCorrelation - c) / (equiangular - a);
                double g2 = (maximumCorrelation + c) / (equiangular + a);
                double g = Math.Min(g1 > 0 ? g1 : double.PositiveInfinity, g2 > 0 ? g2 : double.PositiveInfinity);
                if (g < gamma)
                {
                    gamma = g;
                    entering = j;
                }
            }
            if (entering < 0)
                return;
            for (int j = 1; j < _p; j++)
            {
                if (candidate[j])
                    correlation[j] -= gamma * step[j];
            }
            maximumCorrelation -= gamma * equiangular;
            if (!(maximumCorrelation > 0))
                return;
        }
    }

    private static int ArgMaxAbsolute(double[] values, bool[] include)
    {
        int best = -1;
        for (int j = 0; j < values.Length; j++)
        {
            if (include[j] && (best < 0 || Math.Abs(values[j]) > Math.Abs(values[best])))
                best = j;
        }
        return best;
    }

    /// <summary>
    /// Orthogonalises column j against Q (classical Gram–Schmidt, twice, which is enough for
    /// orthogonality to working precision), grows Q and R⁻¹, and scores the new prefix. False when
    /// the column is a combination of the active ones.
    /// </summary>
    private bool TryAdd(int j)
    {
        int k = _order.Count, n = _n, size = _maximumTerms;
        var v = new double[n];
        Column(j).CopyTo(v);
        double originalNorm = Math.Sqrt(VectorKernels.Dot(v, v));
        var r = new double[k];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int m = 0; m < k; m++)
            {
                double projection = VectorKernels.Dot(QColumn(m), v);
                r[m] += projection;
                VectorKernels.AddScaled(v, -projection, QColumn(m));
            }
        }
        double rho = Math.Sqrt(VectorKernels.Dot(v, v));
        if (!(rho > DependenceTolerance * originalNorm) || originalNorm == 0)
            return false;
        var q = QColumn(k);
        for (int i = 0; i < n; i++)
            q[i] = v[i] / rho;

        // New column of R⁻¹: [−R⁻¹·r/ρ; 1/ρ] (R⁻¹ is upper triangular, column-major, leading dimension size).
        var newColumn = _rInverse.AsSpan(k * size, k + 1);
        for (int m = 0; m < k; m++)
            VectorKernels.AddScaled(newColumn[..(m + 1)], -r[m] / rho, _rInverse.AsSpan(m * size, m + 1));
        newColumn[k] = 1 / rho;
        _traceOfInverse += VectorKernels.Dot(newColumn, newColumn);

        double projectionOfY = VectorKernels.Dot(q, _y);
        if (k == 0)
        {
            double mean = _y.Average();
            for (int i = 0; i < n; i++)
                _residual[i] = _y[i] - mean;
        }
        else
        {
            VectorKernels.AddScaled(_residual, -projectionOfY, q);
        }
        for (int i = 0; i < n; i++)
            _leverage[i] += q[i] * q[i];
        _order.Add(j);
        _errors.Add(CorrectedError());
        if (_bestLength == 0 || _errors[^1] < _errors[_bestLength - 1])
            _bestLength = _errors.Count;
        return true;
    }

    /// <summary>Corrected relative leave-one-out error of the current prefix: T·(1/n)Σ(r_i/(1 − h_i))² / Var(y).</summary>
    private double CorrectedError()
    {
        int n = _n, terms = _order.Count;
        if (_totalSquares == 0)
            return 0;
        if (terms >= n)
            return double.PositiveInfinity;
        double press = 0;
        for (int i = 0; i < n; i++)
        {
            if (_leverage[i] >= LeverageOfOne)
                return double.PositiveInfinity;
            double loo = _residual[i] / (1 - _leverage[i]);
            press += loo * loo;
        }
        double relative = press / n / (_totalSquares / (n - 1));
        double correction = n / (double)(n - terms) * (1 + _traceOfInverse);
        return relative * correction;
    }
}
