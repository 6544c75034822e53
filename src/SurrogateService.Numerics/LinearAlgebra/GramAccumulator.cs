using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// Accumulates the lower triangle of XᵀX (a symmetric rank-k update, BLAS's dsyrk) from the rows of X given one
/// block at a time: the least-squares normal equations of a regression on many points.
/// </summary>
/// <remarks>
/// Why not one dot product per entry: each entry's dot product reads two columns for one multiply-add per element, so it
/// runs at the speed of the loads. Here a block of <see cref="BlockRows"/> rows is packed into panels of four columns
/// (the four values of a row side by side), and a 4 × 8 tile of the Gram matrix is kept in eight 256-bit registers
/// while the rows stream past: per row, two loads and four broadcasts feed eight fused multiply-adds
/// (the register blocking of Goto &amp; van de Geijn 2008, ACM TOMS 34(3)). One row panel (4 columns of a block) stays in
/// the first-level cache while the column panels stream through, and the Gram matrix is visited in the order of memory.
/// Every entry's sum has a fixed order: the rows of a block in order from zero, one fused multiply-add each
/// (<see cref="Vector256.FusedMultiplyAdd"/>, exact in software where the hardware lacks it), and the block's sum then
/// added to the total: the same bits on every machine and for every number of threads of the caller.
/// </remarks>
internal sealed class GramAccumulator
{
    /// <summary>Rows packed before they are added: larger blocks touch the Gram matrix fewer times.</summary>
    public const int BlockRows = 256;

    private const int Panel = 4;
    private readonly int _columns;
    private readonly int _panels;
    private readonly int _stride;
    // Panel p holds columns 4p … 4p + 3 of the pending rows: element (row r, column 4p + i) at p·BlockRows·4 + 4r + i.
    // Columns past _columns stay zero, so every tile is whole.
    private readonly double[] _packed;
    private readonly double[] _gram;
    private int _pending;

    public GramAccumulator(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        _columns = columns;
        _panels = (columns + 2 * Panel - 1) / (2 * Panel) * 2;
        _stride = _panels * Panel;
        _packed = new double[checked(_panels * BlockRows * Panel)];
        _gram = new double[checked(_stride * _stride)];
    }

    public int Columns => _columns;

    /// <summary>Adds a row of X (<see cref="Columns"/> values); the block is accumulated when it is full.</summary>
    public void AddRow(ReadOnlySpan<double> row)
    {
        if (row.Length != _columns)
            throw new ArgumentException($"Expected {_columns} values, got {row.Length}.", nameof(row));
        int offset = _pending * Panel;
        for (int c = 0; c < _columns; c++)
            _packed[(c >> 2) * (BlockRows * Panel) + offset + (c & 3)] = row[c];
        if (++_pending == BlockRows)
            Flush();
    }

    /// <summary>XᵀX of every row added so far: lower triangle, row-major, <see cref="Columns"/> × <see cref="Columns"/>, the upper triangle zero.</summary>
    public double[] LowerTriangle()
    {
        Flush();
        int t = _columns;
        var lower = new double[checked(t * t)];
        for (int j = 0; j < t; j++)
            _gram.AsSpan(j * _stride, j + 1).CopyTo(lower.AsSpan(j * t, j + 1));
        return lower;
    }

    /// <summary>Adds the pending rows' products to the Gram matrix: every 4 × 8 tile that reaches the lower triangle.</summary>
    private void Flush()
    {
        int rows = _pending;
        if (rows == 0)
            return;
        // Along the rows of the Gram matrix, so that its tiles are visited in the order of memory; the tile of rows
        // 4·rowPanel … 4·rowPanel + 3 and columns 4·pair … 4·pair + 7 reaches the lower triangle when pair ≤ rowPanel.
        for (int rowPanel = 0; rowPanel < _panels; rowPanel++)
        {
            for (int pair = 0; pair <= rowPanel; pair += 2)
                Tile(rowPanel, pair, rows);
        }
        _pending = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tile(int rowPanel, int columnPanel, int rows)
    {
        const int panelSize = BlockRows * Panel;
        ref double a = ref MemoryMarshal.GetArrayDataReference(_packed);
        ref double rowsOf = ref Unsafe.Add(ref a, rowPanel * panelSize);
        ref double left = ref Unsafe.Add(ref a, columnPanel * panelSize);
        ref double right = ref Unsafe.Add(ref a, (columnPanel + 1) * panelSize);
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        for (int r = 0; r < rows; r++)
        {
            int at = r * Panel;
            var x0 = Vector256.LoadUnsafe(ref left, (nuint)at);
            var x1 = Vector256.LoadUnsafe(ref right, (nuint)at);
            var a0 = Vector256.Create(Unsafe.Add(ref rowsOf, at));
            c00 = Vector256.FusedMultiplyAdd(a0, x0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, x1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref rowsOf, at + 1));
            c10 = Vector256.FusedMultiplyAdd(a1, x0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, x1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref rowsOf, at + 2));
            c20 = Vector256.FusedMultiplyAdd(a2, x0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, x1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref rowsOf, at + 3));
            c30 = Vector256.FusedMultiplyAdd(a3, x0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, x1, c31);
        }
        ref double g = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gram), rowPanel * Panel * _stride + columnPanel * Panel);
        AddTo(ref g, c00, c01);
        AddTo(ref Unsafe.Add(ref g, _stride), c10, c11);
        AddTo(ref Unsafe.Add(ref g, 2 * _stride), c20, c21);
        AddTo(ref Unsafe.Add(ref g, 3 * _stride), c30, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref double target, Vector256<double> first, Vector256<double> second)
    {
        (Vector256.LoadUnsafe(ref target) + first).StoreUnsafe(ref target);
        (Vector256.LoadUnsafe(ref target, 4) + second).StoreUnsafe(ref target, 4);
    }
}
