using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// Writes an animated GIF89a piece by piece, so frames can go out as they are made: the header
/// with the colour map as global colour table and a NETSCAPE2.0 loop-forever extension, then one
/// graphic control extension and LZW-coded image per frame, then the trailer.
/// </summary>
public sealed class GifEncoder(int width, int height)
{
    private readonly GifLzwEncoder _lzw = new();

    public int Width { get; } = width is >= 1 and <= ushort.MaxValue ? width : throw new ArgumentOutOfRangeException(nameof(width));

    public int Height { get; } = height is >= 1 and <= ushort.MaxValue ? height : throw new ArgumentOutOfRangeException(nameof(height));

    public void WriteHeader(IBufferWriter<byte> output, ColorMap palette)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(palette);
        output.Write("GIF89a"u8);
        Span<byte> screen = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(screen, (ushort)Width);
        BinaryPrimitives.WriteUInt16LittleEndian(screen[2..], (ushort)Height);
        screen[4] = 0b1111_0111; // global table, 8 bits per primary, unsorted, 2^(7+1) = 256 entries
        screen[5] = 0;           // background colour index
        screen[6] = 0;           // square pixels
        output.Write(screen);
        output.Write(palette.Palette);

        // Application extension: loop for ever (count 0).
        output.Write<byte>([0x21, 0xFF, 11]);
        output.Write(Encoding.ASCII.GetBytes("NETSCAPE2.0"));
        output.Write<byte>([3, 1, 0, 0, 0]);
    }

    /// <param name="indices">Height rows of Width palette indices, the top row first.</param>
    /// <param name="delayCentiseconds">How long the frame shows.</param>
    public void WriteFrame(IBufferWriter<byte> output, ReadOnlySpan<byte> indices, int delayCentiseconds)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (indices.Length != Width * Height)
            throw new ArgumentException($"Expected {Width * Height} pixels.", nameof(indices));
        Span<byte> control = [0x21, 0xF9, 4, 0b0000_0100, 0, 0, 0, 0]; // keep the frame, no transparency
        BinaryPrimitives.WriteUInt16LittleEndian(control[4..], (ushort)Math.Clamp(delayCentiseconds, 0, ushort.MaxValue));
        output.Write(control);

        Span<byte> descriptor = stackalloc byte[10];
        descriptor[0] = 0x2C;
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[1..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[3..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[5..], (ushort)Width);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[7..], (ushort)Height);
        descriptor[9] = 0; // no local colour table, not interlaced
        output.Write(descriptor);
        _lzw.Encode(indices, output);
    }

    public static void WriteTrailer(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write<byte>([0x3B]);
    }
}
