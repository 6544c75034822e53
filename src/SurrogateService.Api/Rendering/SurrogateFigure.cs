using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// Truth, surrogate and absolute error side by side (truth and surrogate on one colour scale, the
/// error on its own), the training points on each, the RMSE in the title; optionally a
/// standard-error panel. Without a truth, only the surrogate (and its standard error). On a line the
/// surrogate's panel also shades its 95 % interval (prediction ± 1.96 standard errors), so noisy data
/// can be seen beside the band the model claims for the function. A co-Kriging model's low-fidelity
/// points are drawn too, smaller and grey, under the (white) high-fidelity ones.
/// </summary>
public static class SurrogateFigure
{
    public static byte[] Render(FittedSurrogate fitted, string? functionName, SliceGrid grid, SliceComparison comparison, ImageOptions image)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(comparison);
        var data = fitted.Model.Data;
        string kind = fitted.Kind.Name;
        // The same points on every panel: the figure title names them once instead of a legend per panel.
        var training = new List<PointOverlay>();
        if (data.LowFidelity is { } low)
            training.Add(PointOverlay.OnSlice(grid, low.Points, low.Values, "low-fidelity points", OverlayStyle.LowFidelitySamples));
        training.Add(PointOverlay.OnSlice(grid, data.Points, data.Values, "training points", OverlayStyle.Samples));
        FieldPanelContent Field(double[] values, string title, string valueLabel) =>
            new(grid, values, title, valueLabel) { Overlays = training, Legend = false };
        FieldPanelContent Spread(double[] values, string title, string valueLabel) =>
            Field(values, title, valueLabel) with { Colormap = new ScottPlot.Colormaps.Inferno(), ContourLines = false };

        var contents = new List<FieldPanelContent>();
        if (comparison.Truth is { } truth)
        {
            var shared = ScottPlot.Range.GetRange(truth.Concat(comparison.Prediction));
            contents.Add(Field(truth, $"Truth: {functionName}", "f(x)") with { ColourRange = shared });
            contents.Add(Field(comparison.Prediction, $"Surrogate: {kind}", "f(x)") with { ColourRange = shared, Band = Interval(grid, comparison) });
            contents.Add(Spread(comparison.AbsoluteError!, "Absolute error", "|error|"));
        }
        else
        {
            contents.Add(Field(comparison.Prediction, $"Surrogate: {kind}", "prediction") with { Band = Interval(grid, comparison) });
        }
        if (comparison.StandardError is { } standardError)
            contents.Add(Spread(standardError, "Standard error", "std. error"));

        var panels = contents.Select(FieldPanel.Create).ToList();
        try
        {
            return Figure.ToPng(image, Title(kind, functionName, data, grid, comparison), panels);
        }
        finally
        {
            foreach (var panel in panels)
                panel.Dispose();
        }
    }

    /// <summary>prediction ± 1.96·s on a line with standard errors; null otherwise (a plane has its own standard-error panel).</summary>
    private static (double[] Lower, double[] Upper)? Interval(SliceGrid grid, SliceComparison comparison)
    {
        if (grid.Axes.Count != 1 || comparison.StandardError is not { } standardError)
            return null;
        var prediction = comparison.Prediction;
        return (prediction.Select((p, k) => p - 1.96 * standardError[k]).ToArray(), prediction.Select((p, k) => p + 1.96 * standardError[k]).ToArray());
    }

    private static string Title(string kind, string? functionName, TrainingSet data, SliceGrid grid, SliceComparison comparison)
    {
        string size = grid.Rows > 1 ? $"{grid.Columns}×{grid.Rows}" : $"{grid.Columns}-point";
        string surrogate = data.LowFidelity is { } low
            ? $"co-Kriging surrogate from {data.Count} points (white) and {low.Count} low-fidelity points (grey)"
            : $"{kind} surrogate from {data.Count} points (white)";
        return comparison.RootMeanSquareError is double rmse
            ? $"{surrogate} of {functionName} — RMSE {SliceCaption.Number(rmse)} on a {size} grid{SliceCaption.Of(grid)}"
            : surrogate + SliceCaption.Of(grid);
    }
}
