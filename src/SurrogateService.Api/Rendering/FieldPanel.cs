using ScottPlot;
using ScottPlot.Plottables;
using SurrogateService.Numerics.Slices;

namespace SurrogateService.Api.Rendering;

/// <summary>What a field panel shows: values on a slice grid, their colour scale and the points over them.</summary>
/// <param name="Title">The panel's own title; null when the figure title says it all.</param>
public sealed record FieldPanelContent(SliceGrid Grid, double[] Values, string? Title, string ValueLabel)
{
    public IColormap Colormap { get; init; } = new ScottPlot.Colormaps.Viridis();

    /// <summary>A colour range shared with other panels; by default the values' own.</summary>
    public ScottPlot.Range? ColourRange { get; init; }

    public bool ContourLines { get; init; } = true;

    public IReadOnlyList<PointOverlay> Overlays { get; init; } = [];

    /// <summary>Whether the overlays get a legend; side-by-side panels of the same points need it only once.</summary>
    public bool Legend { get; init; } = true;

    /// <summary>On a line: a shaded band (lower, upper) under the curve, e.g. a 95 % interval; null for none.</summary>
    public (double[] Lower, double[] Upper)? Band { get; init; }
}

/// <summary>
/// One panel of values on a slice: on a plane a heatmap with contour lines and a colour bar, on a
/// line a curve; with axis labels, a title and the overlaid points.
/// </summary>
public static class FieldPanel
{
    private const int ContourCount = 12;

    public static Plot Create(FieldPanelContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        if (content.Title is not null)
            plot.Title(content.Title);
        plot.XLabel(AxisName(content.Grid.Axes[0]));
        if (content.Grid.Axes.Count == 2)
            DrawPlane(plot, content);
        else
            DrawLine(plot, content);
        foreach (var overlay in content.Overlays)
            AddOverlay(plot, overlay);
        // ScottPlot shows a legend by itself once anything has legend text.
        if (content.Legend && content.Overlays.Count > 0)
            ShowLegend(plot);
        else
            plot.HideLegend();
        return plot;
    }

    public static string AxisName(int axis) => $"x[{axis}]";

    /// <summary>Legend below the data, so it never hides the field or the points.</summary>
    public static void ShowLegend(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Legend.SetBestFontOnEachRender = false;
        plot.ShowLegend(Edge.Bottom);
    }

    private static void DrawPlane(Plot plot, FieldPanelContent content)
    {
        var grid = content.Grid;
        double[] xs = grid.Coordinates[0], ys = grid.Coordinates[1];
        var intensities = new double[grid.Rows, grid.Columns];
        var contourPoints = new Coordinates3d[grid.Rows, grid.Columns];
        for (int row = 0; row < grid.Rows; row++)
        {
            for (int column = 0; column < grid.Columns; column++)
            {
                double value = content.Values[row * grid.Columns + column];
                intensities[row, column] = value;
                contourPoints[row, column] = new Coordinates3d(xs[column], ys[row], value);
            }
        }

        var range = Widen(content.ColourRange ?? ScottPlot.Range.GetRange(content.Values));
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = content.Colormap;
        heatmap.ManualRange = range;
        // Row 0 holds the lowest y; cell centres sit on the grid nodes, so the edges reach half a cell past the box.
        heatmap.FlipVertically = true;
        heatmap.Position = new CoordinateRect(xs[0], xs[^1], ys[0], ys[^1]);
        heatmap.Smooth = true;
        var colourBar = plot.Add.ColorBar(heatmap);
        colourBar.Label = content.ValueLabel;

        if (content.ContourLines && range.Max > range.Min)
        {
            var contours = plot.Add.ContourLines(contourPoints, ContourCount);
            contours.ContourLineLevels = Levels(range);
            contours.Update(contourPoints);
            contours.LineColor = Colors.Black.WithAlpha(0.45);
            contours.LabelStyle.IsVisible = false;
        }

        plot.YLabel(AxisName(grid.Axes[1]));
        plot.Axes.SetLimits(xs[0], xs[^1], ys[0], ys[^1]);
    }

    private static void DrawLine(Plot plot, FieldPanelContent content)
    {
        if (content.Band is var (lower, upper))
        {
            var band = plot.Add.FillY(content.Grid.Coordinates[0], lower, upper);
            band.FillColor = content.Colormap.GetColor(0.35).WithAlpha(0.25);
            band.LineWidth = 0;
            band.LegendText = "95 % interval";
        }
        var curve = plot.Add.ScatterLine(content.Grid.Coordinates[0], content.Values);
        curve.LineWidth = 2;
        curve.Color = content.Colormap.GetColor(0.35);
        plot.YLabel(content.ValueLabel);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(content.Grid.Coordinates[0][0], content.Grid.Coordinates[0][^1]);
    }

    private static void AddOverlay(Plot plot, PointOverlay overlay)
    {
        var markers = plot.Add.Markers(overlay.X, overlay.Y);
        markers.LegendText = overlay.Label;
        var style = markers.MarkerStyle;
        switch (overlay.Style)
        {
            case OverlayStyle.Best:
                style.Shape = MarkerShape.FilledDiamond;
                style.Size = 13;
                style.FillColor = Colors.Red;
                break;
            case OverlayStyle.LowFidelitySamples:
                style.Shape = MarkerShape.FilledCircle;
                style.Size = 4;
                style.FillColor = Colors.Gray;
                break;
            case OverlayStyle.KnownMinimum:
                style.Shape = MarkerShape.Cross;
                style.Size = 12;
                style.LineWidth = 2.5f;
                style.LineColor = Colors.Magenta;
                break;
            default:
                style.Shape = MarkerShape.FilledCircle;
                style.Size = 7;
                style.FillColor = Colors.White;
                break;
        }
        if (overlay.Style != OverlayStyle.KnownMinimum)
        {
            style.OutlineColor = Colors.Black;
            style.OutlineWidth = 1;
        }
    }

    /// <summary>A constant field still needs a colour range of some width.</summary>
    private static ScottPlot.Range Widen(ScottPlot.Range range)
    {
        if (range.Max > range.Min)
            return range;
        double pad = Math.Max(Math.Abs(range.Min) * 1e-6, 1e-12);
        return new ScottPlot.Range(range.Min - pad, range.Max + pad);
    }

    private static double[] Levels(ScottPlot.Range range)
    {
        var levels = new double[ContourCount];
        for (int i = 0; i < ContourCount; i++)
            levels[i] = range.Min + (i + 0.5) * (range.Max - range.Min) / ContourCount;
        return levels;
    }
}
