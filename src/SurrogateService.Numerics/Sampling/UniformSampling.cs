using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>Independent uniform random points in the box, from the seeded generator.</summary>
public sealed class UniformSampling : ISamplingMethod
{
    public string Name => "uniform";

    public string Description => "Independent uniform random points; the same seed gives the same points.";

    public bool UsesSeed => true;

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        var random = new DeterministicRandom(seed);
        var points = new PointSet(count, box.Dimension);
        Span<double> data = points.Data;
        for (int i = 0; i < data.Length; i++)
            data[i] = random.NextDouble();
        box.ScaleFromUnitCube(points);
        return points;
    }
}
