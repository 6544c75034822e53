using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Slices;

/// <summary>
/// A regular grid on a line or a plane through a d-dimensional box: one or two coordinates run
/// from the box's lower to its upper bound, every other coordinate stays at an anchor point.
/// That is what a picture of a d-dimensional function can show. Points are stored row by row:
/// the first axis varies fastest, so value <c>[row · Columns + column]</c> sits at
/// (<c>Coordinates[0][column]</c>, <c>Coordinates[1][row]</c>).
/// </summary>
public sealed class SliceGrid
{
    private SliceGrid(int[] axes, double[][] coordinates, PointSet points)
    {
        Axes = axes;
        Coordinates = coordinates;
        Points = points;
    }

    /// <summary>The varying coordinates (one for a line, two for a plane), as indices into a point.</summary>
    public IReadOnlyList<int> Axes { get; }

    /// <summary>The grid positions along each varying axis, ends included, in increasing order.</summary>
    public IReadOnlyList<double[]> Coordinates { get; }

    /// <summary>Every grid point in full d-dimensional form, row by row.</summary>
    public PointSet Points { get; }

    public int Columns => Coordinates[0].Length;

    public int Rows => Coordinates.Count > 1 ? Coordinates[1].Length : 1;

    /// <summary>
    /// A grid of <paramref name="resolution"/> points per varying axis through <paramref name="anchor"/>.
    /// </summary>
    /// <param name="axes">One or two distinct axes of the box.</param>
    /// <param name="anchor">A full point; its coordinates on <paramref name="axes"/> are ignored.</param>
    public static SliceGrid Create(Box box, IReadOnlyList<int> axes, ReadOnlySpan<double> anchor, int resolution)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 2);
        if (axes.Count is < 1 or > 2 || axes.Any(a => a < 0 || a >= box.Dimension) || (axes.Count == 2 && axes[0] == axes[1]))
            throw new ArgumentException("One or two distinct axes of the box are required.", nameof(axes));
        if (anchor.Length != box.Dimension)
            throw new ArgumentException($"The anchor has {anchor.Length} coordinates, the box {box.Dimension}.", nameof(anchor));

        var coordinates = new double[axes.Count][];
        for (int k = 0; k < axes.Count; k++)
            coordinates[k] = Positions(box.Lower[axes[k]], box.Upper[axes[k]], resolution);

        int rows = axes.Count > 1 ? resolution : 1;
        var points = new PointSet(checked(rows * resolution), box.Dimension);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < resolution; column++)
            {
                var point = points[row * resolution + column];
                anchor.CopyTo(point);
                point[axes[0]] = coordinates[0][column];
                if (axes.Count > 1)
                    point[axes[1]] = coordinates[1][row];
            }
        }
        return new SliceGrid([.. axes], coordinates, points);
    }

    /// <summary>The function's value at every grid point.</summary>
    public double[] Evaluate(IBenchmarkFunction function)
    {
        var values = new double[Points.Count];
        function.EvaluateBatch(Points, values);
        return values;
    }

    /// <summary>The model's prediction at every grid point.</summary>
    public double[] Predict(ISurrogateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var values = new double[Points.Count];
        model.Predict(Points, values);
        return values;
    }

    /// <summary>The model's standard error at every grid point (kinds that have one).</summary>
    public double[] StandardError(ISurrogateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var values = new double[Points.Count];
        model.StandardError(Points, values);
        return values;
    }

    /// <summary>Evenly spaced from lower to upper; the last one is exactly upper, not lower + n·step.</summary>
    private static double[] Positions(double lower, double upper, int count)
    {
        var positions = new double[count];
        double step = (upper - lower) / (count - 1);
        for (int i = 0; i < count - 1; i++)
            positions[i] = lower + i * step;
        positions[count - 1] = upper;
        return positions;
    }
}
