using System.Buffers.Binary;
using SkiaSharp;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Reads a PNG the way a browser would: the signature and header by the spec, the pixels by SkiaSharp's codec.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly SKBitmap _bitmap;

    private PngImage(byte[] header, SKBitmap bitmap)
    {
        HeaderWidth = BinaryPrimitives.ReadInt32BigEndian(header);
        HeaderHeight = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        BitDepth = header[8];
        ColorType = header[9];
        _bitmap = bitmap;
    }

    /// <summary>Width and height as the IHDR chunk states them.</summary>
    public int HeaderWidth { get; }

    public int HeaderHeight { get; }

    /// <summary>Bits per sample or palette index (IHDR byte 8).</summary>
    public int BitDepth { get; }

    /// <summary>PNG colour type (IHDR byte 9): 3 is indexed colour.</summary>
    public int ColorType { get; }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Every pixel's colour as SkiaSharp decodes it, row by row from the top.</summary>
    public SKColor[] Pixels => _bitmap.Pixels;

    public static PngImage Read(byte[] bytes)
    {
        Assert.True(bytes.Length > 33 && bytes.AsSpan(0, 8).SequenceEqual(Signature), "Not a PNG: the signature is missing.");
        // The first chunk must be IHDR: length (4 bytes), type (4), then its 13 bytes of data.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        // libpng inside SkiaSharp checks every chunk's CRC and the zlib stream while it decodes.
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return new PngImage(bytes[16..29], bitmap);
    }

    /// <summary>How many different colours the image uses; a blank or nearly blank image has a handful.</summary>
    public int DistinctColours()
    {
        var colours = new HashSet<uint>();
        foreach (var pixel in _bitmap.Pixels)
            colours.Add((uint)pixel);
        return colours.Count;
    }

    /// <summary>Pixels darker than mid-grey in the rows [top, bottom): text, where the area holds only text.</summary>
    public int DarkPixels(int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = 0; x < _bitmap.Width; x++)
            {
                var c = _bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 100)
                    count++;
            }
        }
        return count;
    }
}
