using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>A minimal .npy reader (format 1.0, little-endian float arrays in C order), as numpy.load parses the header.</summary>
public sealed partial record NpyFile(string Descr, bool FortranOrder, int[] Shape, int HeaderBytes, double[] Values)
{
    public static NpyFile Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 10, "too short for an npy header");
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' }, bytes[..6]);
        Assert.Equal(1, bytes[6]);
        Assert.Equal(0, bytes[7]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int dataStart = 10 + headerLength;
        Assert.True(dataStart % 16 == 0, "numpy asks the data to start 16-byte aligned");
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);

        var match = HeaderPattern().Match(header);
        Assert.True(match.Success, $"unexpected header: {header}");
        string descr = match.Groups["descr"].Value;
        bool fortran = match.Groups["fortran"].Value == "True";
        int[] shape = match.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToArray();

        int size = descr switch { "<f4" => 4, "<f8" => 8, _ => throw new InvalidDataException($"dtype {descr}") };
        long count = shape.Aggregate(1L, (a, b) => a * b);
        Assert.Equal(dataStart + count * size, bytes.Length);
        var values = new double[count];
        for (long i = 0; i < count; i++)
        {
            var at = bytes.AsSpan((int)(dataStart + i * size), size);
            values[i] = size == 4 ? BinaryPrimitives.ReadSingleLittleEndian(at) : BinaryPrimitives.ReadDoubleLittleEndian(at);
        }
        return new NpyFile(descr, fortran, shape, dataStart, values);
    }

    [GeneratedRegex(@"^\{'descr': '(?<descr>[^']+)', 'fortran_order': (?<fortran>True|False), 'shape': \((?<shape>[0-9, ]*)\), \} *\n$")]
    private static partial Regex HeaderPattern();
}
