using System.Buffers;
using SkiaSharp;
using SurrogateService.Api.Rendering;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Tests;

/// <summary>The GIF and PNG encoders on images chosen to stress them, read back by SkiaSharp's codecs.</summary>
public class ImageEncoderTests
{
    public static TheoryData<string, int, int> Images => new()
    {
        { "one pixel", 1, 1 },
        { "constant", 1000, 7 },        // one long run: codes grow to 12 bits without new symbols
        { "noise", 300, 200 },          // incompressible: the table fills and restarts every ~3800 codes
        { "ramp", 256, 64 },
        { "stripes", 17, 333 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Gif_frames_decode_to_the_pixels_written(string kind, int width, int height)
    {
        byte[] first = Pixels(kind, width, height, seed: 1), second = Pixels(kind, width, height, seed: 2);
        var output = new ArrayBufferWriter<byte>();
        var gif = new GifEncoder(width, height);
        gif.WriteHeader(output, ColorMaps.Viridis);
        gif.WriteFrame(output, first, 7);
        gif.WriteFrame(output, second, 9);
        GifEncoder.WriteTrailer(output);

        var decoded = GifAnimation.Read(output.WrittenSpan.ToArray());
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(2, decoded.Frames.Count);
        Assert.Equal(Colours(first), decoded.Frames[0].Pixels);
        Assert.Equal(Colours(second), decoded.Frames[1].Pixels);
        Assert.Equal([70, 90], decoded.Frames.Select(f => f.DurationMilliseconds));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Png_decodes_to_the_pixels_written(string kind, int width, int height)
    {
        byte[] pixels = Pixels(kind, width, height, seed: 3);

        var png = PngImage.Read(PngEncoder.EncodeIndexed(width, height, pixels, ColorMaps.Viridis));

        Assert.Equal((width, height, 8, 3), (png.HeaderWidth, png.HeaderHeight, png.BitDepth, png.ColorType));
        Assert.Equal((width, height), (png.Width, png.Height));
        Assert.Equal(Colours(pixels), png.Pixels);
    }

    /// <summary>The colour a viewer should show for each palette index written.</summary>
    private static SKColor[] Colours(byte[] indices)
    {
        byte[] palette = ColorMaps.Viridis.Palette.ToArray();
        return [.. indices.Select(i => new SKColor(palette[3 * i], palette[3 * i + 1], palette[3 * i + 2]))];
    }

    private static byte[] Pixels(string kind, int width, int height, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var pixels = new byte[width * height];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = kind switch
            {
                "constant" => (byte)(seed * 40),
                "noise" => (byte)(random.NextDouble() * 256),
                "ramp" => (byte)((i % width + (int)seed) % 256),
                "stripes" => (byte)(i / width % 3 == 0 ? 255 : seed),
                _ => 42,
            };
        }
        return pixels;
    }
}
