using System.Globalization;
using System.Text;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// The header of a NumPy .npy file, format version 1.0: magic, version, the header length and a
/// Python dict literal with dtype, order and shape, padded with spaces to a multiple of 64 bytes
/// and ended by a newline. The data follows in C order.
/// </summary>
public static class NpyHeader
{
    private const int Alignment = 64;

    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <param name="doublePrecision">float64 ('f8') rather than float32 ('f4'); byte order is this machine's.</param>
    public static byte[] Create(bool doublePrecision, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        char order = BitConverter.IsLittleEndian ? '<' : '>';
        string dims = shape.Length == 1
            ? shape[0].ToString(CultureInfo.InvariantCulture) + ","
            : string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        string dict = $"{{'descr': '{order}f{(doublePrecision ? 8 : 4)}', 'fortran_order': False, 'shape': ({dims}), }}";

        const int preamble = 10; // magic (6), version (2), header length (2)
        int total = (preamble + dict.Length + 1 + Alignment - 1) / Alignment * Alignment;
        int headerLength = total - preamble;
        var bytes = new byte[total];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        bytes[8] = (byte)headerLength;
        bytes[9] = (byte)(headerLength >> 8);
        Encoding.ASCII.GetBytes(dict.PadRight(headerLength - 1), bytes.AsSpan(preamble));
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
