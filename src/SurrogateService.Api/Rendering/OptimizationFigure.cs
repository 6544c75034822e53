using ScottPlot;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Rendering;

/// <summary>An optimisation run: the evaluations in order.</summary>
/// <param name="Points">Every evaluated point, in evaluation order.</param>
/// <param name="BestSoFar">The best value after each evaluation.</param>
/// <param name="BestIndex">The evaluation that found the best value.</param>
public sealed record PlottedTrace(PointSet Points, double[] Values, double[] BestSoFar, int BestIndex);

/// <summary>
/// An optimisation run: best-so-far against evaluations with the known minimum as a line, and the
/// evaluated points over the function (on a slice through the best point for d &gt; 2).
/// </summary>
public static class OptimizationFigure
{
    /// <param name="fieldValues">The function on <paramref name="grid"/>.</param>
    public static byte[] Render(IBenchmarkFunction function, PlottedTrace run, SliceGrid grid, double[] fieldValues, ImageOptions image)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(grid);
        var minimum = function.Minima(run.Points.Dimension).FirstOrDefault();
        using var convergence = Convergence(run, minimum);
        using var field = FieldPanel.Create(new FieldPanelContent(grid, fieldValues, $"Evaluations on {function.Name}", "f(x)")
        {
            Overlays = Overlays(run, grid, minimum),
        });

        double best = run.Values[run.BestIndex];
        string known = minimum is null ? "" : $" (known minimum {SliceCaption.Number(minimum.Value)})";
        string title = $"Optimisation of {function.Name}: best {SliceCaption.Number(best)} after {run.Values.Length} evaluations{known}{SliceCaption.Of(grid)}";
        return Figure.ToPng(image, title, [convergence, field]);
    }

    private static Plot Convergence(PlottedTrace run, KnownMinimum? minimum)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title("Best value so far");
        plot.XLabel("evaluation");
        plot.YLabel("f(x)");
        var evaluation = Enumerable.Range(1, run.Values.Length).Select(i => (double)i).ToArray();

        var values = plot.Add.ScatterPoints(evaluation, run.Values);
        values.Color = Colors.Gray.WithAlpha(0.6);
        values.MarkerSize = 5;
        values.LegendText = "evaluated value";
        var best = plot.Add.ScatterLine(evaluation, run.BestSoFar);
        best.ConnectStyle = ConnectStyle.StepHorizontal;
        best.LineWidth = 2.5f;
        best.Color = Colors.Blue;
        best.LegendText = "best so far";

        // Frame the best-so-far curve: early evaluations far above it would flatten it to a line.
        double low = run.BestSoFar[^1], high = run.BestSoFar[0];
        if (minimum is not null)
        {
            var line = plot.Add.HorizontalLine(minimum.Value, 1.5f, Colors.Magenta, LinePattern.Dashed);
            line.LegendText = "known minimum";
            low = Math.Min(low, minimum.Value);
            high = Math.Max(high, minimum.Value);
        }
        double margin = high > low ? 0.08 * (high - low) : Math.Max(Math.Abs(high) * 0.1, 1);
        plot.Axes.SetLimits(0.5, run.Values.Length + 0.5, low - margin, high + margin);
        FieldPanel.ShowLegend(plot);
        return plot;
    }

    private static List<PointOverlay> Overlays(PlottedTrace run, SliceGrid grid, KnownMinimum? minimum)
    {
        var overlays = new List<PointOverlay>
        {
            PointOverlay.OnSlice(grid, run.Points, run.Values, $"{run.Values.Length} evaluations", OverlayStyle.Samples),
        };
        var bestPoint = new PointSet(run.Points[run.BestIndex].ToArray(), 1, run.Points.Dimension);
        overlays.Add(PointOverlay.OnSlice(grid, bestPoint, [run.Values[run.BestIndex]], "best", OverlayStyle.Best));
        // Minima off the plotted slice would mislead, so they are shown only when the slice is the whole space.
        if (minimum is not null && grid.Axes.Count == run.Points.Dimension)
        {
            var locations = PointSet.FromRows(minimum.Locations.ToArray());
            var values = Enumerable.Repeat(minimum.Value, locations.Count).ToArray();
            overlays.Add(PointOverlay.OnSlice(grid, locations, values, "known minima", OverlayStyle.KnownMinimum));
        }
        return overlays;
    }
}
