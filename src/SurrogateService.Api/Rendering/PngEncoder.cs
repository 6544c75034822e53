using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// Writes an 8-bit indexed-colour PNG (colour type 3): IHDR, the colour map as PLTE, one zlib
/// IDAT of unfiltered rows, IEND. One byte per pixel keeps field images small and exact.
/// </summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="indices">height rows of width palette indices, the top row first.</param>
    public static byte[] EncodeIndexed(int width, int height, ReadOnlySpan<byte> indices, ColorMap palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (indices.Length != (long)width * height)
            throw new ArgumentException($"Expected {(long)width * height} pixels.", nameof(indices));

        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bits per index
        header[9] = 3;  // indexed colour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering (each row says its filter)
        header[12] = 0; // not interlaced
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "PLTE", palette.Palette);
        WriteChunk(png, "IDAT", Compress(width, height, indices));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> indices)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (int row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(indices.Slice(row * width, width));
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        output.Write(typeBytes);
        output.Write(data);
        // The chunk CRC is ISO 3309's CRC-32 over type and data, the one System.IO.Hashing.Crc32 computes.
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
