using System.Numerics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Sobol' low-discrepancy sequence: Joe–Kuo <c>new-joe-kuo-6.21201</c> direction numbers,
/// Gray-code order, 32-bit coordinates, optionally Owen-scrambled with a seed.
/// </summary>
/// <remarks>
/// By default it reproduces Surrogates.jl's <c>sample(n, lb, ub, SobolSample())</c>: with the zero
/// point as index 0, indices 2^m … 2^m + n − 1 where m = ⌊log2(n + 1)⌋.
/// </remarks>
public sealed class SobolSampling : ISamplingMethod
{
    public const string SequenceOption = "sequence";
    public const string ScrambleOption = "scramble";

    private const double TwoToMinus32 = 1.0 / 4294967296.0;

    public string Name => "sobol";

    public string Description =>
        "Sobol' sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers, Gray-code order). By default the points Surrogates.jl's SobolSample returns; optionally Owen-scrambled with the seed.";

    public bool UsesSeed => true;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Choice(SequenceOption, "surrogates",
            "Which run of the sequence to return (index 0 is the zero point): 'surrogates' = indices 2^m … 2^m+n−1 with m = floor(log2(n+1)), as Surrogates.jl; 'plain' = from index 0; 'skipZero' = from index 1.",
            "surrogates", "plain", "skipZero"),
        OptionSpec.Boolean(ScrambleOption, false,
            "Owen-scramble the points (nested uniform scrambling, hash-based), seeded; keeps the sequence's stratification."),
    ];

    /// <summary>The largest dimension the direction-number table supports.</summary>
    public static int MaxDimension => SobolDirectionTable.Instance.Dimensions;

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        var table = SobolDirectionTable.Instance;
        int d = box.Dimension;
        if (d > table.Dimensions)
            throw new ArgumentException($"Sobol' sampling supports at most {table.Dimensions} dimensions; the box has {d}.", nameof(box));

        uint[] directions = table.DirectionsBitMajor(d);
        uint first = FirstIndex(options.Text(SequenceOption), count);
        uint[]? scrambleSeeds = options.Boolean(ScrambleOption) ? ScrambleSeeds(d, seed) : null;

        // Jump straight to the first index: its point is the XOR of the direction numbers of the
        // set bits of its Gray code.
        var state = new uint[d];
        uint gray = first ^ (first >> 1);
        for (int bit = 0; gray != 0; bit++, gray >>= 1)
        {
            if ((gray & 1) != 0)
                XorInto(state, directions.AsSpan(bit * d, d));
        }

        var points = new PointSet(count, d);
        Span<double> data = points.Data;
        for (int i = 0; i < count; i++)
        {
            Span<double> row = data.Slice(i * d, d);
            if (scrambleSeeds is null)
            {
                for (int j = 0; j < d; j++)
                    row[j] = state[j] * TwoToMinus32;
            }
            else
            {
                for (int j = 0; j < d; j++)
                    row[j] = BinaryOwenScramble.Apply(state[j], scrambleSeeds[j]) * TwoToMinus32;
            }
            if (i + 1 < count)
            {
                // Gray code of k+1 = Gray code of k with the bit at the trailing zeros of k+1 flipped.
                int bit = BitOperations.TrailingZeroCount(first + (uint)i + 1);
                XorInto(state, directions.AsSpan(bit * d, d));
            }
        }
        box.ScaleFromUnitCube(points);
        return points;
    }

    private static uint FirstIndex(string? sequence, int count) => sequence switch
    {
        // count < 2^31, so m ≤ 31 and the last index 2^m + count − 1 stays below 2^32.
        "surrogates" => 1u << BitOperations.Log2((uint)count + 1),
        "plain" => 0,
        "skipZero" => 1,
        _ => throw new ArgumentException($"Unknown {SequenceOption} '{sequence}'; expected surrogates, plain or skipZero."),
    };

    private static uint[] ScrambleSeeds(int dimension, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var seeds = new uint[dimension];
        for (int j = 0; j < dimension; j++)
            seeds[j] = (uint)(random.NextUInt64() >> 32);
        return seeds;
    }

    private static void XorInto(Span<uint> state, ReadOnlySpan<uint> directions)
    {
        for (int j = 0; j < state.Length; j++)
            state[j] ^= directions[j];
    }
}
