using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The monomials of total degree ≤ 2 in d variables, in the order 1, x_1..x_d, x_j·x_k (j &lt; k),
/// x_1²..x_d² (truncated to the degree). Coordinates are first mapped to [−1, 1] by the design box,
/// t = (x − mid)/half-width: the polynomial space is the same, but columns of comparable size keep
/// least-squares and saddle-point systems well conditioned even far from the origin.
/// </summary>
internal sealed class PolynomialBasis
{
    private readonly BoxScaling _scaling;

    /// <param name="degree">−1 (no terms), 0, 1 or 2.</param>
    public PolynomialBasis(int degree, Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(degree, 2);
        Degree = degree;
        Dimension = box.Dimension;
        Count = TermCount(degree, box.Dimension);
        _scaling = new BoxScaling(box);
    }

    public int Degree { get; }

    public int Dimension { get; }

    /// <summary>Number of terms.</summary>
    public int Count { get; }

    public static int TermCount(int degree, int dimension) => degree switch
    {
        < 0 => 0,
        0 => 1,
        1 => 1 + dimension,
        _ => 1 + dimension + dimension * (dimension + 1) / 2,
    };

    /// <summary>Writes the <see cref="Count"/> terms at <paramref name="point"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> terms)
    {
        if (Degree < 0)
            return;
        terms[0] = 1;
        if (Degree == 0)
            return;
        int d = Dimension;
        var t = terms.Slice(1, d);
        _scaling.ToUnit(point, t);
        if (Degree == 1)
            return;
        int next = 1 + d;
        for (int j = 0; j < d; j++)
        {
            for (int k = j + 1; k < d; k++)
                terms[next++] = t[j] * t[k];
        }
        for (int j = 0; j < d; j++)
            terms[next++] = t[j] * t[j];
    }

    /// <summary>
    /// Adds ∂/∂x_l of Σ_m coefficients[m]·term_m(point) to <paramref name="gradient"/>[l], differentiating in t and
    /// multiplying by dt_l/dx_l. Term order as in <see cref="Evaluate"/>.
    /// </summary>
    public void AddGradient(ReadOnlySpan<double> point, ReadOnlySpan<double> coefficients, Span<double> gradient)
    {
        if (Degree < 1)
            return;
        int d = Dimension;
        Span<double> t = d <= 64 ? stackalloc double[d] : new double[d];
        Span<double> inT = d <= 64 ? stackalloc double[d] : new double[d];
        _scaling.ToUnit(point, t);
        for (int j = 0; j < d; j++)
            inT[j] = coefficients[1 + j];
        if (Degree == 2)
        {
            int next = 1 + d;
            for (int j = 0; j < d; j++)
            {
                for (int k = j + 1; k < d; k++)
                {
                    inT[j] += coefficients[next] * t[k];
                    inT[k] += coefficients[next] * t[j];
                    next++;
                }
            }
            for (int j = 0; j < d; j++)
                inT[j] += 2 * coefficients[next++] * t[j];
        }
        for (int j = 0; j < d; j++)
            gradient[j] += inT[j] * _scaling.UnitPerCoordinate(j);
    }

    /// <summary>A readable name of term <paramref name="index"/> for messages (dependence among terms is the same in x as in t).</summary>
    public string TermName(int index)
    {
        int d = Dimension;
        if (index == 0)
            return "1";
        if (index <= d)
            return $"x{index}";
        int next = 1 + d;
        for (int j = 0; j < d; j++)
        {
            for (int k = j + 1; k < d; k++)
            {
                if (next++ == index)
                    return $"x{j + 1}·x{k + 1}";
            }
        }
        return $"x{index - next + 1}²";
    }
}
