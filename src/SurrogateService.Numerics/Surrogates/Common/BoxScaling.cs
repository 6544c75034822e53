using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Maps the design box onto [−1, 1]^d, t = (x − mid)/half-width, so that every coordinate is of order one.</summary>
internal sealed class BoxScaling
{
    private readonly double[] _middle;
    private readonly double[] _halfWidth;

    public BoxScaling(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        Dimension = box.Dimension;
        _middle = new double[Dimension];
        _halfWidth = new double[Dimension];
        for (int j = 0; j < Dimension; j++)
        {
            _middle[j] = 0.5 * (box.Lower[j] + box.Upper[j]);
            _halfWidth[j] = 0.5 * (box.Upper[j] - box.Lower[j]);
        }
    }

    public int Dimension { get; }

    /// <summary>dt_j/dx_j, the same everywhere: 1/half-width.</summary>
    public double UnitPerCoordinate(int j) => 1 / _halfWidth[j];

    public void ToUnit(ReadOnlySpan<double> point, Span<double> scaled)
    {
        for (int j = 0; j < Dimension; j++)
            scaled[j] = (point[j] - _middle[j]) / _halfWidth[j];
    }
}
