namespace SurrogateService.Api.Rendering;

/// <summary>
/// A sequential colour map of 256 colours, index 0 for the low end and 255 for the high end. It
/// maps a fraction t ∈ [0, 1] to a colour, and its colours double as the palette of indexed PNG
/// and GIF images.
/// </summary>
public sealed class ColorMap
{
    /// <summary>Colours in every map; one byte of palette index each.</summary>
    public const int Size = 256;

    private readonly Rgb[] _colors;
    private readonly byte[] _palette;

    internal ColorMap(string name, ReadOnlySpan<int> packedRgb)
    {
        if (packedRgb.Length != Size)
            throw new ArgumentException($"A colour map has {Size} colours.", nameof(packedRgb));
        Name = name;
        _colors = new Rgb[Size];
        _palette = new byte[3 * Size];
        for (int i = 0; i < Size; i++)
        {
            var c = Rgb.FromPacked(packedRgb[i]);
            _colors[i] = c;
            _palette[3 * i] = c.R;
            _palette[3 * i + 1] = c.G;
            _palette[3 * i + 2] = c.B;
        }
    }

    public string Name { get; }

    /// <summary>The colours from low to high.</summary>
    public IReadOnlyList<Rgb> Colors => _colors;

    /// <summary>R, G, B of every colour in order: a PNG PLTE chunk or a GIF colour table as is.</summary>
    public ReadOnlySpan<byte> Palette => _palette;

    /// <summary>The index of fraction t: 0 … 255 by rounding, t clamped to [0, 1], NaN at the low end.</summary>
    public static byte IndexOf(double t) =>
        t >= 1 ? (byte)(Size - 1) : t > 0 ? (byte)Math.Round(t * (Size - 1)) : (byte)0;

    /// <summary>The colour of fraction t ∈ [0, 1] (clamped).</summary>
    public Rgb ColorAt(double t) => _colors[IndexOf(t)];
}
