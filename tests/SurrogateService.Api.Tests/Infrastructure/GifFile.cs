using System.Buffers.Binary;
using System.Text;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>
/// A minimal GIF reader that walks the block structure (header, screen, colour table, extensions,
/// image descriptors, trailer) and LZW-decodes every image, the way a browser does.
/// </summary>
public sealed record GifFile(int Width, int Height, byte[] GlobalColorTable, bool LoopsForever, IReadOnlyList<GifFile.Image> Frames)
{
    public sealed record Image(int Width, int Height, int DelayCentiseconds, byte[] Pixels);

    public static GifFile Parse(byte[] bytes)
    {
        var reader = new Reader(bytes);
        string signature = Encoding.ASCII.GetString(reader.Take(6));
        Assert.Equal("GIF89a", signature);
        int width = reader.UInt16(), height = reader.UInt16();
        byte packed = reader.Byte();
        reader.Take(2);
        byte[] table = (packed & 0x80) != 0 ? reader.Take(3 << ((packed & 7) + 1)).ToArray() : [];

        bool loops = false;
        int delay = 0;
        var frames = new List<Image>();
        while (true)
        {
            byte introducer = reader.Byte();
            if (introducer == 0x3B)
                break;
            if (introducer == 0x21)
            {
                byte label = reader.Byte();
                byte[] data = reader.SubBlocks();
                if (label == 0xFF && data.Length >= 14 && Encoding.ASCII.GetString(data, 0, 11) == "NETSCAPE2.0")
                    loops = data[11] == 1 && BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(12)) == 0;
                if (label == 0xF9)
                    delay = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(1));
                continue;
            }
            Assert.Equal(0x2C, introducer);
            reader.UInt16();
            reader.UInt16();
            int w = reader.UInt16(), h = reader.UInt16();
            byte imagePacked = reader.Byte();
            if ((imagePacked & 0x80) != 0)
                reader.Take(3 << ((imagePacked & 7) + 1));
            int minCodeSize = reader.Byte();
            byte[] pixels = Lzw(reader.SubBlocks(), minCodeSize, w * h);
            frames.Add(new Image(w, h, delay, pixels));
        }
        Assert.Equal(bytes.Length, reader.Position);
        return new GifFile(width, height, table, loops, frames);
    }

    /// <summary>The textbook decoder: a list of strings, one entry added per code after the first, wider codes when the table fills the width.</summary>
    private static byte[] Lzw(byte[] data, int minCodeSize, int expectedPixels)
    {
        int clear = 1 << minCodeSize, end = clear + 1;
        var output = new List<byte>(expectedPixels);
        var table = new List<byte[]>();
        int codeSize = 0;
        byte[]? previous = null;
        long bitPosition = 0;
        void Reset()
        {
            table.Clear();
            for (int i = 0; i < clear; i++)
                table.Add([(byte)i]);
            table.Add([]);
            table.Add([]);
            codeSize = minCodeSize + 1;
            previous = null;
        }
        Reset();
        while (true)
        {
            Assert.True(bitPosition + codeSize <= data.Length * 8L, "image data ended without an end code");
            int code = 0;
            for (int b = 0; b < codeSize; b++, bitPosition++)
                code |= ((data[bitPosition >> 3] >> (int)(bitPosition & 7)) & 1) << b;
            if (code == clear)
            {
                Reset();
                continue;
            }
            if (code == end)
                break;
            byte[] entry = code < table.Count ? table[code]
                : code == table.Count && previous is not null ? [.. previous, previous[0]]
                : throw new InvalidDataException($"code {code} beyond the table ({table.Count})");
            output.AddRange(entry);
            if (previous is not null && table.Count < 4096)
                table.Add([.. previous, entry[0]]);
            previous = entry;
            if (table.Count == 1 << codeSize && codeSize < 12)
                codeSize++;
        }
        Assert.Equal(expectedPixels, output.Count);
        return [.. output];
    }

    private sealed class Reader(byte[] bytes)
    {
        public int Position { get; private set; }

        public byte Byte() => bytes[Position++];

        public int UInt16()
        {
            int value = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Position));
            Position += 2;
            return value;
        }

        public ReadOnlySpan<byte> Take(int count)
        {
            var span = bytes.AsSpan(Position, count);
            Position += count;
            return span;
        }

        public byte[] SubBlocks()
        {
            var data = new List<byte>();
            while (Byte() is var length && length != 0)
                data.AddRange(Take(length).ToArray());
            return [.. data];
        }
    }
}
