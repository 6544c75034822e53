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

    /// <summary>Most pressure points (nx × ny) of one wave simulation; each costs 24 bytes of state.</summary>
    [Range(9, 100_000_000)]
    public int MaxWaveGridCells { get; set; } = 16_777_216;

    /// <summary>Most cell updates (nx × ny × steps) of one wave simulation, which bounds its run time.</summary>
    [Range(9, 1e13)]
    public long MaxWaveCellSteps { get; set; } = 10_000_000_000;

    /// <summary>Most values written by one wave simulation (frames × thinned nx × thinned ny), which bounds the response.</summary>
    [Range(9, 1e12)]
    public long MaxWaveFrameCells { get; set; } = 100_000_000;
}
