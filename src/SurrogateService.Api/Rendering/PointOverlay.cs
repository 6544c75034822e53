using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;

namespace SurrogateService.Api.Rendering;

/// <summary>How overlaid points look: design points, a co-Kriging model's low-fidelity points, the best point found, known minima.</summary>
public enum OverlayStyle
{
    Samples,
    LowFidelitySamples,
    Best,
    KnownMinimum,
}

/// <summary>Points drawn over a panel, already in the panel's coordinates, with their legend text.</summary>
public sealed record PointOverlay(double[] X, double[] Y, string Label, OverlayStyle Style)
{
    /// <summary>
    /// Puts d-dimensional points onto a slice: on a plane, their coordinates on its two axes; on a
    /// line, their coordinate on its axis against <paramref name="values"/> (what the curve shows).
    /// Points off a plane are projected onto it, and the label says so.
    /// </summary>
    public static PointOverlay OnSlice(SliceGrid grid, PointSet points, ReadOnlySpan<double> values, string label, OverlayStyle style)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(points);
        var x = new double[points.Count];
        var y = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            x[i] = points[i][grid.Axes[0]];
            y[i] = grid.Axes.Count > 1 ? points[i][grid.Axes[1]] : values[i];
        }
        // Off-slice coordinates are dropped, so on a plane through a higher-dimensional space the points are shadows.
        bool projected = grid.Axes.Count > 1 && points.Dimension > grid.Axes.Count;
        return new PointOverlay(x, y, projected ? label + " (projected)" : label, style);
    }
}
