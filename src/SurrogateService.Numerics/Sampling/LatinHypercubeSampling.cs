using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Latin hypercube: every dimension is cut into n equal strata and each stratum holds exactly one
/// point, the strata paired across dimensions by independent seeded permutations. Points sit at
/// the stratum centres or uniformly within their strata, and can then be spread out (maximin).
/// </summary>
public sealed class LatinHypercubeSampling : ISamplingMethod
{
    public const string JitterOption = "jitter";
    public const string MaximinIterationsOption = "maximinIterations";

    public string Name => "latinHypercube";

    public string Description =>
        "Latin hypercube: one point in each of n equal strata per dimension, seeded permutations; centred or jittered, with optional maximin improvement.";

    public bool UsesSeed => true;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Choice(JitterOption, "centred",
            "Where a point sits in its stratum: 'centred' = the centre, 'random' = uniform within the stratum.",
            "centred", "random"),
        OptionSpec.Integer(MaximinIterationsOption, 0,
            "Random column swaps that try to enlarge the smallest distance between points; a swap is kept only if it does not make that distance smaller. 0 = none.",
            0, 10_000),
    ];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        bool jittered = options.Text(JitterOption) switch
        {
            "centred" => false,
            "random" => true,
            var other => throw new ArgumentException($"Unknown {JitterOption} '{other}'; expected centred or random."),
        };
        int iterations = options.Integer(MaximinIterationsOption);

        int d = box.Dimension;
        var random = new DeterministicRandom(seed);
        var strata = new int[count];
        var points = new PointSet(count, d);
        Span<double> data = points.Data;
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < count; i++)
                strata[i] = i;
            random.Shuffle(strata.AsSpan());
            for (int i = 0; i < count; i++)
            {
                double offset = jittered ? random.NextDouble() : 0.5;
                data[i * d + j] = (strata[i] + offset) / count;
            }
        }
        // Swapping coordinates within a column keeps one point per stratum.
        if (iterations > 0)
            MaximinSwaps.Improve(points, iterations, random);
        box.ScaleFromUnitCube(points);
        return points;
    }
}
