namespace SurrogateService.Numerics.Minimisation;

/// <summary>
/// The dense BFGS approximation H of the inverse Hessian, and the search direction −H·g it gives on
/// the coordinates that are free to move.
/// </summary>
internal sealed class BfgsInverseHessian
{
    private readonly int _size;
    private readonly double[] _matrix;

    public BfgsInverseHessian(int size)
    {
        _size = size;
        _matrix = new double[size * size];
        IsIdentity = true;
    }

    /// <summary>No curvature known yet (or forgotten): steps are steepest descent.</summary>
    public bool IsIdentity { get; private set; }

    public void Reset() => IsIdentity = true;

    /// <summary>
    /// Writes d = −H_FF·g_F on the free coordinates F and 0 on the held ones, and returns gᵀd. Without
    /// curvature, d = −g_F scaled to max-norm <paramref name="steepestStep"/>.
    /// </summary>
    public double Direction(ReadOnlySpan<double> g, ReadOnlySpan<bool> held, double steepestStep, Span<double> direction)
    {
        double largest = 0;
        for (int i = 0; i < _size; i++)
        {
            direction[i] = 0;
            if (held[i])
                continue;
            if (IsIdentity)
            {
                direction[i] = -g[i];
                largest = Math.Max(largest, Math.Abs(g[i]));
                continue;
            }
            double sum = 0;
            for (int j = 0; j < _size; j++)
            {
                if (!held[j])
                    sum += _matrix[i * _size + j] * g[j];
            }
            direction[i] = -sum;
        }
        if (IsIdentity && largest > 0)
        {
            for (int i = 0; i < _size; i++)
                direction[i] *= steepestStep / largest;
        }
        double slope = 0;
        for (int i = 0; i < _size; i++)
            slope += g[i] * direction[i];
        return slope;
    }

    /// <summary>
    /// The BFGS update with s = x₊ − x, y = g₊ − g, skipped unless sᵀy is safely positive (the
    /// curvature condition; without a Wolfe line search it can fail). The first update starts from
    /// H = (sᵀy / yᵀy)·I, the scaling of Nocedal and Wright (6.20).
    /// </summary>
    public void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> xNext, ReadOnlySpan<double> g, ReadOnlySpan<double> gNext)
    {
        Span<double> s = stackalloc double[_size];
        Span<double> y = stackalloc double[_size];
        double sy = 0, ss = 0, yy = 0;
        for (int i = 0; i < _size; i++)
        {
            s[i] = xNext[i] - x[i];
            y[i] = gNext[i] - g[i];
            sy += s[i] * y[i];
            ss += s[i] * s[i];
            yy += y[i] * y[i];
        }
        if (!(sy > 1e-10 * Math.Sqrt(ss * yy)))
            return;
        if (IsIdentity)
        {
            Array.Clear(_matrix);
            for (int i = 0; i < _size; i++)
                _matrix[i * _size + i] = sy / yy;
            IsIdentity = false;
        }
        // H₊ = H − ρ(H·y·sᵀ + s·yᵀ·H) + (ρ + ρ²·yᵀHy)·s·sᵀ with ρ = 1/sᵀy (H symmetric).
        Span<double> hy = stackalloc double[_size];
        double yhy = 0;
        for (int i = 0; i < _size; i++)
        {
            double sum = 0;
            for (int j = 0; j < _size; j++)
                sum += _matrix[i * _size + j] * y[j];
            hy[i] = sum;
            yhy += y[i] * sum;
        }
        double rho = 1 / sy;
        double outer = rho + rho * rho * yhy;
        for (int i = 0; i < _size; i++)
        {
            for (int j = 0; j < _size; j++)
                _matrix[i * _size + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + outer * s[i] * s[j];
        }
    }
}
