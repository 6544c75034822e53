using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Rendering;

/// <summary>The notebook's "true function" figure: a function on a slice with the sample points over it.</summary>
public static class FunctionFigure
{
    /// <param name="values">The function on <paramref name="grid"/>.</param>
    /// <param name="points">Points to overlay, described by <paramref name="pointsLabel"/> (e.g. "80 sobol points").</param>
    public static byte[] Render(IBenchmarkFunction function, SliceGrid grid, double[] values, PointSet? points, string pointsLabel, ImageOptions image)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(grid);
        List<PointOverlay> overlays = [];
        if (points is not null)
        {
            // On a line the points sit on the curve, at their own function values.
            var pointValues = new double[points.Count];
            function.EvaluateBatch(points, pointValues);
            overlays.Add(PointOverlay.OnSlice(grid, points, pointValues, pointsLabel, OverlayStyle.Samples));
        }
        using var panel = FieldPanel.Create(new FieldPanelContent(grid, values, Title: null, "f(x)") { Overlays = overlays });
        string title = function.Name + (points is null ? "" : $" with {pointsLabel}") + SliceCaption.Of(grid);
        return Figure.ToPng(image, title, [panel]);
    }
}
