using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Kronecker (Weyl) sequence: u_i = frac(i·α_j + s_j) for i = 1 … n, with α_j = frac(√p_j),
/// p_j the j-th prime, and s_j = 0 or, with <c>shift</c>, a seeded uniform random shift.
/// </summary>
public sealed class KroneckerSampling : ISamplingMethod
{
    public const string ShiftOption = "shift";

    public string Name => "kronecker";

    public string Description =>
        "Kronecker (Weyl) sequence frac(i·α) with α_j = frac(sqrt(p_j)) for the first primes; optionally a seeded random shift (Cranley–Patterson rotation).";

    public bool UsesSeed => true;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Boolean(ShiftOption, false, "Add a seeded uniform random shift to every coordinate (modulo 1); without it the points do not depend on the seed."),
    ];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        int d = box.Dimension;
        int[] primes = Primes.First(d);
        var generators = new double[d];
        for (int j = 0; j < d; j++)
            generators[j] = SamplingArguments.Frac(Math.Sqrt(primes[j]));

        double[]? shifts = null;
        if (options.Boolean(ShiftOption))
        {
            var random = new DeterministicRandom(seed);
            shifts = new double[d];
            for (int j = 0; j < d; j++)
                shifts[j] = random.NextDouble();
        }

        var points = new PointSet(count, d);
        Fill(points, generators, shifts);
        box.ScaleFromUnitCube(points);
        return points;
    }

    /// <summary>Writes u_i = frac(i·g_j + s_j), i = 1 … n, into the unit cube (shared with golden).</summary>
    internal static void Fill(PointSet points, ReadOnlySpan<double> generators, double[]? shifts)
    {
        int d = points.Dimension;
        Span<double> data = points.Data;
        for (int i = 0; i < points.Count; i++)
        {
            double index = i + 1;
            Span<double> row = data.Slice(i * d, d);
            for (int j = 0; j < d; j++)
                row[j] = SamplingArguments.Frac(index * generators[j] + (shifts is null ? 0 : shifts[j]));
        }
    }
}
