namespace SurrogateService.Numerics.Core;

/// <summary>
/// A batch of points stored row-major in one contiguous array, so hot loops walk memory in
/// order and never allocate a tuple per point.
/// </summary>
public sealed class PointSet
{
    private readonly double[] _data;

    // A slice shares its parent's array; its points start at this offset.
    private readonly int _offset;

    public PointSet(int count, int dimension)
        : this(new double[checked(count * dimension)], count, dimension)
    {
    }

    public PointSet(double[] data, int count, int dimension)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (data.Length != count * dimension)
            throw new ArgumentException($"Expected {count * dimension} coordinates, got {data.Length}.", nameof(data));
        _data = data;
        Count = count;
        Dimension = dimension;
    }

    private PointSet(double[] data, int offset, int count, int dimension)
    {
        _data = data;
        _offset = offset;
        Count = count;
        Dimension = dimension;
    }

    public int Count { get; }

    public int Dimension { get; }

    /// <summary>All coordinates, point after point.</summary>
    public Span<double> Data => _data.AsSpan(_offset, Count * Dimension);

    public Span<double> this[int index] =>
        (uint)index < (uint)Count
            ? _data.AsSpan(_offset + index * Dimension, Dimension)
            : throw new ArgumentOutOfRangeException(nameof(index), $"Point {index} of {Count}.");

    /// <summary>
    /// Points [first, first + count) as a view that shares this set's storage (no copy): a batch can
    /// be cut into chunks for parallel work. Writes through either set show in both.
    /// </summary>
    public PointSet Slice(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, Count, nameof(count));
        return new PointSet(_data, _offset + first * Dimension, count, Dimension);
    }

    /// <summary>Builds a point set from jagged rows; every row must have the same length.</summary>
    public static PointSet FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            throw new ArgumentException("At least one point is required.", nameof(rows));
        int dimension = rows[0].Length;
        var set = new PointSet(rows.Count, dimension);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimension)
                throw new ArgumentException($"Point {i} has {rows[i].Length} coordinates, expected {dimension}.", nameof(rows));
            rows[i].CopyTo(set[i]);
        }
        return set;
    }

    public double[][] ToRows()
    {
        var rows = new double[Count][];
        for (int i = 0; i < Count; i++)
            rows[i] = this[i].ToArray();
        return rows;
    }
}
