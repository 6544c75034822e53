using System.Buffers;
using SurrogateService.Api.Rendering;
using SurrogateService.Api.Tests.Infrastructure;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Tests;

/// <summary>The GIF and PNG encoders on images chosen to stress them, read back by independent decoders.</summary>
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

        var decoded = GifFile.Parse(output.WrittenSpan.ToArray());
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(ColorMaps.Viridis.Palette.ToArray(), decoded.GlobalColorTable);
        Assert.Equal(2, decoded.Frames.Count);
        Assert.Equal(first, decoded.Frames[0].Pixels);
        Assert.Equal(second, decoded.Frames[1].Pixels);
        Assert.Equal([7, 9], decoded.Frames.Select(f => f.DelayCentiseconds));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Png_decodes_to_the_pixels_written(string kind, int width, int height)
    {
        byte[] pixels = Pixels(kind, width, height, seed: 3);

        var png = PngFile.Parse(PngEncoder.EncodeIndexed(width, height, pixels, ColorMaps.Viridis));

        Assert.Equal((width, height, 8, 3), (png.Width, png.Height, png.BitDepth, png.ColorType));
        Assert.Equal(ColorMaps.Viridis.Palette.ToArray(), png.Palette);
        Assert.Equal(pixels, png.Pixels);
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
