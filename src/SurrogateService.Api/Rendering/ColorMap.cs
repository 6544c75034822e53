using ScottPlot;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// A ScottPlot colour map read into 256 colours, so that indexed PNG and GIF images can carry it
/// as their palette. A fraction t ∈ [0, 1] gets the very colour ScottPlot's figures give it: the
/// index follows ScottPlot's own rule, ⌊255·t⌋.
/// </summary>
public sealed class ColorMap
{
    /// <summary>Colours in every map; one byte of palette index each.</summary>
    public const int Size = 256;

    private readonly byte[] _palette = new byte[3 * Size];

    public ColorMap(IColormap source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Name = source.Name;
        for (int i = 0; i < Size; i++)
        {
            // The middle of the fractions that index i covers, so no rounding can slip to a neighbour.
            var color = source.GetColor(Math.Min(1, (i + 0.5) / (Size - 1)));
            _palette[3 * i] = color.R;
            _palette[3 * i + 1] = color.G;
            _palette[3 * i + 2] = color.B;
        }
    }

    public string Name { get; }

    /// <summary>R, G, B of every colour from low to high: a PNG PLTE chunk or a GIF colour table as is.</summary>
    public ReadOnlySpan<byte> Palette => _palette;

    /// <summary>The index of fraction t: ⌊255·t⌋ as ScottPlot computes it, t clamped to [0, 1], NaN at the low end.</summary>
    public static byte IndexOf(double t) =>
        t >= 1 ? (byte)(Size - 1) : t > 0 ? (byte)(int)((Size - 1) * t) : (byte)0;
}
