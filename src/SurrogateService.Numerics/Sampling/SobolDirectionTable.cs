using System.Globalization;
using System.IO.Compression;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// The Joe–Kuo <c>new-joe-kuo-6.21201</c> Sobol' direction numbers, read once from the embedded
/// resource <c>Data/new-joe-kuo-6.21201.txt.gz</c> (licence: <c>Data/LICENSE-new-joe-kuo.txt</c>).
/// </summary>
/// <remarks>
/// The resource is gzip-compressed text written by <c>tools/extract_sobol_direction_numbers.py</c>:
/// lines starting with '#' are comments, then one line per dimension, in order, holding
/// <c>poly m_1 … m_s</c>. <c>poly</c> is the primitive polynomial with its coefficients as bits,
/// leading and constant terms included (x² + x + 1 is 7), so its degree s is its bit length − 1;
/// <c>m_i</c> are the odd initial direction integers, m_i &lt; 2^i. The first dimension is the
/// single number 1: the van der Corput sequence, all of whose m_i are 1.
/// </remarks>
internal sealed class SobolDirectionTable
{
    /// <summary>Direction numbers per dimension: the sequence has 32-bit coordinates.</summary>
    public const int Bits = 32;

    private const string ResourceName = "SurrogateService.Numerics.Sampling.Data.new-joe-kuo-6.21201.txt.gz";

    private static readonly Lazy<SobolDirectionTable> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int[] _polynomials;
    private readonly int[] _firstInitial;
    private readonly int[] _initial;

    private SobolDirectionTable(int[] polynomials, int[] firstInitial, int[] initial)
    {
        _polynomials = polynomials;
        _firstInitial = firstInitial;
        _initial = initial;
    }

    public static SobolDirectionTable Instance => Shared.Value;

    public int Dimensions => _polynomials.Length;

    /// <summary>
    /// The direction numbers of the first <paramref name="dimension"/> dimensions, laid out
    /// bit-major: entry <c>[k·dimension + j]</c> is v_{k+1} of dimension j as a 32-bit binary
    /// fraction (the top bit is 1/2). Bit-major keeps one Gray-code update a contiguous XOR.
    /// </summary>
    public uint[] DirectionsBitMajor(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, Dimensions);
        var directions = new uint[Bits * dimension];
        Span<uint> v = stackalloc uint[Bits];
        for (int j = 0; j < dimension; j++)
        {
            Expand(j, v);
            for (int k = 0; k < Bits; k++)
                directions[k * dimension + j] = v[k];
        }
        return directions;
    }

    /// <summary>Joe &amp; Kuo's recurrence: v_k = m_k·2^(32−k) for k ≤ s, then
    /// v_k = v_{k−s} ⊕ (v_{k−s} ≫ s) ⊕ ⨁_{i=1}^{s−1} a_i·v_{k−i}, a_i the coefficient of x^(s−i).</summary>
    private void Expand(int dimension, Span<uint> v)
    {
        int poly = _polynomials[dimension];
        int degree = 31 - int.LeadingZeroCount(poly);
        if (degree == 0)
        {
            for (int k = 0; k < Bits; k++)
                v[k] = 1u << (Bits - 1 - k);
            return;
        }
        int first = _firstInitial[dimension];
        for (int k = 0; k < degree; k++)
            v[k] = (uint)_initial[first + k] << (Bits - 1 - k);
        for (int k = degree; k < Bits; k++)
        {
            uint value = v[k - degree] ^ (v[k - degree] >> degree);
            for (int i = 1; i < degree; i++)
            {
                if (((poly >> (degree - i)) & 1) != 0)
                    value ^= v[k - i];
            }
            v[k] = value;
        }
    }

    private static SobolDirectionTable Load()
    {
        using var resource = typeof(SobolDirectionTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var polynomials = new List<int>(21201);
        var firstInitial = new List<int>(21201);
        var initial = new List<int>(21201 * 14);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            ReadOnlySpan<char> text = line;
            bool isPolynomial = true;
            foreach (Range field in text.Split(' '))
            {
                int value = int.Parse(text[field], NumberStyles.None, CultureInfo.InvariantCulture);
                if (isPolynomial)
                {
                    polynomials.Add(value);
                    firstInitial.Add(initial.Count);
                    isPolynomial = false;
                }
                else
                {
                    initial.Add(value);
                }
            }
        }
        return new SobolDirectionTable([.. polynomials], [.. firstInitial], [.. initial]);
    }
}
