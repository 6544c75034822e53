using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>A minimal reader of 8-bit indexed PNGs: checks the signature and every chunk's CRC, inflates IDAT, undoes filter 0.</summary>
public sealed record PngFile(int Width, int Height, int BitDepth, int ColorType, byte[] Palette, byte[] Pixels)
{
    public static PngFile Parse(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        int position = 8;
        byte[]? header = null, palette = null;
        using var idat = new MemoryStream();
        while (true)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(position));
            string type = Encoding.ASCII.GetString(bytes, position + 4, 4);
            byte[] data = bytes[(position + 8)..(position + 8 + length)];
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 8 + length));
            Assert.Equal(BitwiseCrc32(bytes.AsSpan(position + 4, 4 + length)), crc);
            position += 12 + length;
            switch (type)
            {
                case "IHDR": header = data; break;
                case "PLTE": palette = data; break;
                case "IDAT": idat.Write(data); break;
                case "IEND": goto done;
            }
        }
    done:
        Assert.Equal(bytes.Length, position);
        Assert.NotNull(header);
        int width = BinaryPrimitives.ReadInt32BigEndian(header), height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        byte[] raw = inflated.ToArray();
        Assert.Equal(height * (width + 1), raw.Length);
        var pixels = new byte[width * height];
        for (int row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (width + 1)]);
            raw.AsSpan(row * (width + 1) + 1, width).CopyTo(pixels.AsSpan(row * width));
        }
        return new PngFile(width, height, header[8], header[9], palette ?? [], pixels);
    }

    /// <summary>CRC-32 one bit at a time, straight from the PNG specification's definition.</summary>
    private static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
