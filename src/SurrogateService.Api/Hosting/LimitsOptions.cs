using System.ComponentModel.DataAnnotations;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Size limits of requests (configuration section <c>Limits</c>). The defaults keep the worst
/// accepted request well inside the 240 s that the Container Apps ingress allows.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Most points in one evaluate or predict request.</summary>
    [Range(1, 10_000_000)]
    public int MaxEvaluationPoints { get; set; } = 100_000;

    /// <summary>Most points one sampling request may ask for.</summary>
    [Range(1, 10_000_000)]
    public int MaxSampleCount { get; set; } = 100_000;

    /// <summary>Most dimensions of a point or a box.</summary>
    [Range(1, 21_201)]
    public int MaxDimension { get; set; } = 1_000;

    /// <summary>Most training points of one fit; Kriging and radial bases cost O(n³) to fit.</summary>
    [Range(2, 100_000)]
    public int MaxTrainingPoints { get; set; } = 2_000;

    /// <summary>Most coordinates (points × dimension) in one sampling request, which bounds the response size.</summary>
    [Range(1, 100_000_000)]
    public int MaxSampleCoordinates { get; set; } = 1_000_000;

    /// <summary>Widest figure in pixels.</summary>
    [Range(100, 20_000)]
    public int MaxImageWidth { get; set; } = 4_000;

    /// <summary>Tallest figure in pixels.</summary>
    [Range(100, 20_000)]
    public int MaxImageHeight { get; set; } = 4_000;

    /// <summary>Most pixels (width × height) of one figure, which bounds its memory and encoding time.</summary>
    [Range(10_000, 400_000_000)]
    public int MaxImagePixels { get; set; } = 8_000_000;

    /// <summary>Most grid points per axis of a plotted slice; a plane costs its square in evaluations.</summary>
    [Range(2, 10_000)]
    public int MaxPlotResolution { get; set; } = 301;
}
