using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>The argument checks every sampling method shares.</summary>
internal static class SamplingArguments
{
    public static void Validate(int count, Box box, OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(options);
        if (count < 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, "At least one point must be requested.");
        if ((long)count * box.Dimension > Array.MaxLength)
            throw new ArgumentException($"{count} points in {box.Dimension} dimensions do not fit in one point set.", nameof(count));
    }

    /// <summary>The fractional part, in [0, 1).</summary>
    public static double Frac(double x) => x - Math.Floor(x);
}
