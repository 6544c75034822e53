using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Halton sequence in QuasiMonteCarlo.jl's variant: dimension j uses the j-th prime as its base,
/// and point i (0-based) is the radical inverse of i shifted by 1/(2n).
/// </summary>
/// <remarks>
/// The shift centres the points: the radical inverses of 0 … n−1 leave a gap of at least 1/n
/// below 1, so the shifted points stay in (0, 1) and need no wrapping.
/// </remarks>
public sealed class HaltonSampling : ISamplingMethod
{
    public string Name => "halton";

    public string Description =>
        "Halton sequence: radical inverses in the first primes as bases, shifted by 1/(2n) as in QuasiMonteCarlo.jl. Deterministic.";

    public bool UsesSeed => false;

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public PointSet Sample(int count, Box box, OptionValues options, ulong seed)
    {
        SamplingArguments.Validate(count, box, options);
        int d = box.Dimension;
        int[] bases = Primes.First(d);
        double shift = 0.5 / count;
        var points = new PointSet(count, d);
        Span<double> data = points.Data;
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < count; i++)
                data[i * d + j] = RadicalInverse(i, bases[j]) + shift;
        }
        box.ScaleFromUnitCube(points);
        return points;
    }

    /// <summary>The base-b digits of <paramref name="index"/> mirrored about the radix point.</summary>
    private static double RadicalInverse(int index, int radix)
    {
        // Integer digits and one division: exact while radix^digits stays below 2^53.
        double reversed = 0;
        double scale = 1;
        while (index > 0)
        {
            int quotient = index / radix;
            reversed = reversed * radix + (index - quotient * radix);
            scale *= radix;
            index = quotient;
        }
        return reversed / scale;
    }
}
