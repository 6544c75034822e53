namespace SurrogateService.Api.Rendering;

/// <summary>An 8-bit sRGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>From 0xRRGGBB.</summary>
    public static Rgb FromPacked(int rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    /// <summary>"#RRGGBB", the form plotting libraries take.</summary>
    public string ToHex() => $"#{R:X2}{G:X2}{B:X2}";
}
