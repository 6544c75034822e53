namespace SurrogateService.Api.Rendering;

/// <summary>
/// The colour maps the service draws with, taken from ScottPlot so that wave images and figures
/// agree. Viridis (van der Walt, Smith and Firing, matplotlib's default) is perceptually uniform,
/// readable in greyscale and by colour-blind viewers.
/// </summary>
public static class ColorMaps
{
    /// <summary>Viridis, dark purple (low) through teal to yellow (high).</summary>
    public static ColorMap Viridis { get; } = new(new ScottPlot.Colormaps.Viridis());
}
