namespace SurrogateService.Numerics.Core;

/// <summary>An axis-aligned box [lower, upper] with finite bounds and lower &lt; upper in every dimension.</summary>
public sealed class Box
{
    private readonly double[] _lower;
    private readonly double[] _upper;

    public Box(double[] lower, double[] upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length == 0 || lower.Length != upper.Length)
            throw new ArgumentException("Bounds must be non-empty and of equal length.");
        for (int i = 0; i < lower.Length; i++)
        {
            if (!double.IsFinite(lower[i]) || !double.IsFinite(upper[i]) || lower[i] >= upper[i])
                throw new ArgumentException($"Bound {i} must satisfy finite lower < upper.");
        }
        _lower = (double[])lower.Clone();
        _upper = (double[])upper.Clone();
    }

    public int Dimension => _lower.Length;

    public ReadOnlySpan<double> Lower => _lower;

    public ReadOnlySpan<double> Upper => _upper;

    /// <summary>The same interval in every one of <paramref name="dimension"/> dimensions.</summary>
    public static Box Uniform(int dimension, double lower, double upper) =>
        new(Enumerable.Repeat(lower, dimension).ToArray(), Enumerable.Repeat(upper, dimension).ToArray());

    public bool Contains(ReadOnlySpan<double> point)
    {
        if (point.Length != Dimension)
            return false;
        for (int i = 0; i < point.Length; i++)
        {
            if (point[i] < _lower[i] || point[i] > _upper[i])
                return false;
        }
        return true;
    }

    /// <summary>Maps unit-cube coordinates in place: x = lower + (upper − lower)·u.</summary>
    public void ScaleFromUnitCube(PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimension != Dimension)
            throw new ArgumentException("Dimension mismatch.", nameof(points));
        Span<double> data = points.Data;
        for (int offset = 0; offset < data.Length; offset += Dimension)
        {
            for (int j = 0; j < Dimension; j++)
                data[offset + j] = _lower[j] + (_upper[j] - _lower[j]) * data[offset + j];
        }
    }
}
