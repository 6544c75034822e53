using System.Buffers.Binary;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// Hash-based nested uniform (Owen) scrambling of a 32-bit binary fraction: Burley, "Practical
/// Hash-based Owen Scrambling", JCGT 9(4), 2020, with the Laine–Karras style permutation in the
/// form Vegdahl (2021, "Building a better LK hash") tuned for quality.
/// </summary>
/// <remarks>
/// Reversing the bits turns "digit k may depend only on the digits above it" into "bit k may
/// depend only on the bits below it", which additions, multiplications and x ⊕ (x·even) respect.
/// So each output digit is its input digit flipped by a pseudo-random function of the seed and the
/// higher digits: a nested scramble, which maps every elementary interval onto one of the same
/// size and therefore keeps the net property of a Sobol' sequence.
/// </remarks>
internal static class BinaryOwenScramble
{
    public static uint Apply(uint fraction, uint seed)
    {
        uint x = ReverseBits(fraction);
        x ^= x * 0x3d20adeau;
        x += seed;
        x *= (seed >> 16) | 1u;
        x ^= x * 0x05526c56u;
        x ^= x * 0x53a22864u;
        return ReverseBits(x);
    }

    private static uint ReverseBits(uint x)
    {
        // Reverse the bits inside each byte, then the byte order.
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
        return BinaryPrimitives.ReverseEndianness(x);
    }
}
