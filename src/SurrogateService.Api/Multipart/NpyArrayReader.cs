using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Multipart;

/// <summary>A C-order float array read from a .npy part: rows × columns values (columns 1 for a vector).</summary>
public sealed record NpyArray(double[] Values, int Rows, int Columns);

/// <summary>
/// Reads a NumPy .npy stream (format versions 1–3: magic, version, header length, a Python dict
/// literal with 'descr', 'fortran_order' and 'shape', then the data) holding float64 or float32 in C
/// order, of either byte order, with one or two dimensions. The shape is checked against the limits
/// before anything is allocated, and the data is read straight into the array the fit uses.
/// Format: NumPy Enhancement Proposal 1, "A simple file format for NumPy arrays"
/// (numpy.org/neps/nep-0001-npy-format.html).
/// </summary>
public static partial class NpyArrayReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Longest header accepted; NumPy writes 64–128 bytes for these arrays.</summary>
    private const int MaxHeaderBytes = 4096;

    /// <exception cref="InvalidDataException">The stream is not such an array, is truncated, or exceeds the limits; the message says how.</exception>
    public static async Task<NpyArray> ReadAsync(Stream stream, int maxRows, int maxColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var preamble = new byte[8];
        await ReadExactlyAsync(stream, preamble, "the .npy preamble", cancellationToken);
        if (!preamble.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException("Is not a .npy array (it does not start with \\x93NUMPY).");
        int version = preamble[6];
        if (version is < 1 or > 3)
            throw new InvalidDataException($"Has .npy format version {version}; versions 1 to 3 are read.");
        int lengthBytes = version == 1 ? 2 : 4;
        var lengthField = new byte[lengthBytes];
        await ReadExactlyAsync(stream, lengthField, "the .npy header length", cancellationToken);
        long headerLength = version == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField) : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (headerLength > MaxHeaderBytes)
            throw new InvalidDataException($"Has a .npy header of {headerLength} bytes; at most {MaxHeaderBytes} are read.");
        var headerBytes = new byte[headerLength];
        await ReadExactlyAsync(stream, headerBytes, "the .npy header", cancellationToken);
        var (littleEndian, itemSize, rows, columns) = ParseHeader(version == 3 ? Encoding.UTF8.GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes));
        if (rows > maxRows)
            throw new InvalidDataException($"Has {rows} rows; the limit is {maxRows}.");
        if (columns > maxColumns)
            throw new InvalidDataException($"Has {columns} columns; the limit is {maxColumns}.");
        if (rows == 0 || columns == 0)
            throw new InvalidDataException("Is empty.");
        var values = new double[checked(rows * columns)];
        await ReadDataAsync(stream, values, littleEndian, itemSize, cancellationToken);
        if (await stream.ReadAsync(new byte[1], cancellationToken) != 0)
            throw new InvalidDataException($"Has bytes after its {rows}×{columns} values.");
        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Holds a non-finite number at row {k / columns}, column {k % columns}."));
        }
        return new NpyArray(values, rows, columns);
    }

    private static (bool LittleEndian, int ItemSize, int Rows, int Columns) ParseHeader(string header)
    {
        var descr = DescrPattern().Match(header);
        var order = OrderPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new InvalidDataException("Has a .npy header without 'descr', 'fortran_order' and 'shape'.");
        string type = descr.Groups[1].Value;
        (bool littleEndian, int itemSize) = type switch
        {
            "<f8" => (true, 8),
            ">f8" => (false, 8),
            "<f4" => (true, 4),
            ">f4" => (false, 4),
            _ => throw new InvalidDataException($"Has dtype '{type}'; float64 ('<f8') or float32 ('<f4') is needed."),
        };
        if (order.Groups[1].Value != "False")
            throw new InvalidDataException("Is in Fortran order; C order (fortran_order False, numpy's default) is needed.");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (dims.Length is < 1 or > 2)
            throw new InvalidDataException($"Has {dims.Length} dimensions; a vector or a matrix (points × coordinates) is needed.");
        var sizes = new int[dims.Length];
        for (int k = 0; k < dims.Length; k++)
        {
            if (!int.TryParse(dims[k], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[k]))
                throw new InvalidDataException($"Has shape entry '{dims[k]}', not a size.");
        }
        return (littleEndian, itemSize, sizes[0], sizes.Length == 2 ? sizes[1] : 1);
    }

    /// <summary>Reads the values in blocks, converting byte order and float32 as it goes.</summary>
    private static async Task ReadDataAsync(Stream stream, double[] values, bool littleEndian, int itemSize, CancellationToken cancellationToken)
    {
        const int blockValues = 8192;
        var buffer = new byte[blockValues * itemSize];
        for (int first = 0; first < values.Length; first += blockValues)
        {
            int count = Math.Min(blockValues, values.Length - first);
            await ReadExactlyAsync(stream, buffer.AsMemory(0, count * itemSize), "its data", cancellationToken);
            Convert(buffer.AsSpan(0, count * itemSize), values.AsSpan(first, count), littleEndian, itemSize);
        }
    }

    private static void Convert(ReadOnlySpan<byte> bytes, Span<double> values, bool littleEndian, int itemSize)
    {
        for (int k = 0; k < values.Length; k++)
        {
            var item = bytes.Slice(k * itemSize, itemSize);
            values[k] = itemSize == 8
                ? (littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(item) : BinaryPrimitives.ReadDoubleBigEndian(item))
                : (littleEndian ? BinaryPrimitives.ReadSingleLittleEndian(item) : BinaryPrimitives.ReadSingleBigEndian(item));
        }
    }

    private static async Task ReadExactlyAsync(Stream stream, Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"Ends inside {what} (truncated).");
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
