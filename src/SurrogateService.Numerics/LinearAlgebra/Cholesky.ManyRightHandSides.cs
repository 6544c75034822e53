using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SurrogateService.Numerics.LinearAlgebra;

public sealed partial class Cholesky
{
    /// <summary>Rows of L that the register kernel works on together.</summary>
    /// <remarks>
    /// Six rows by two 4-lane vectors of columns are twelve accumulators; with the two loads of Z and the
    /// broadcast of L they fill the sixteen 256-bit registers, and each load of Z then serves six fused
    /// multiply-adds, so the kernel runs at the multiply-add rate instead of the cache's load rate.
    /// </remarks>
    private const int KernelRows = 6;

    /// <summary>Columns of Z per register strip: two 256-bit vectors.</summary>
    private const int StripWidth = 8;

    /// <summary>
    /// Rows of Z solved before the rows below are updated with them (a multiple of <see cref="KernelRows"/>):
    /// 240 rows of a 64-column block are 120 KiB, which stay in the L2 cache while every later row uses them.
    /// </summary>
    private const int ChunkRows = 240;

    /// <summary>Solves L·Z = B in place for an n×columns row-major B (a block of right-hand sides).</summary>
    /// <remarks>
    /// <para>
    /// A blocked triangular solve (TRSM): the rows go in chunks; a chunk is solved, then every row below
    /// subtracts its combination of the chunk's rows. A register kernel does six rows of L against a strip
    /// of eight columns, so each entry of Z loaded feeds six fused multiply-adds while the chunk stays in
    /// cache. Call it with blocks of a few dozen columns (<see cref="ChunkRows"/> rows of them fit in L2).
    /// </para>
    /// <para>
    /// Every entry is computed in the same order whatever its column and whatever the block's width:
    /// z_ij = (b_ij − L_i0·z_0j − L_i1·z_1j − …) / L_ii, one fused multiply-add per k in increasing k.
    /// The columns left over after the strips go through a scalar loop that does exactly that, so a
    /// right-hand side gets the same bits in any block and in any position (tested).
    /// </para>
    /// </remarks>
    public void ForwardSubstitute(Span<double> rightHandSides, int columns)
    {
        CheckBlock(rightHandSides.Length, columns);
        int n = Size;
        ref double z = ref MemoryMarshal.GetReference(rightHandSides);
        int stripped = columns - columns % StripWidth;
        if (stripped > 0)
        {
            for (int chunk = 0; chunk < n; chunk += ChunkRows)
            {
                int end = Math.Min(n, chunk + ChunkRows);
                SolveChunk(ref z, columns, stripped, chunk, end);
                UpdateBelow(ref z, columns, stripped, chunk, end);
            }
        }
        for (int c = stripped; c < columns; c++)
            SolveColumn(ref z, columns, c);
    }

    /// <summary>Rows [chunk, end) of Z, whose combinations with the rows before the chunk are subtracted already.</summary>
    // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveChunk(ref double z, int columns, int stripped, int chunk, int end)
    {
        int first = chunk;
        for (; first + KernelRows <= end; first += KernelRows)
        {
            for (int c = 0; c < stripped; c += StripWidth)
            {
                SubtractSixRows(ref z, columns, first, chunk, first, c);
                SolveSixRowDiagonal(ref z, columns, first, c);
            }
        }
        for (int i = first; i < end; i++)
        {
            for (int c = 0; c < stripped; c += StripWidth)
            {
                SubtractRow(ref z, columns, i, chunk, i, c);
                ref double zi = ref Unsafe.Add(ref z, i * columns + c);
                var pivot = Vector256.Create(_lower[i * Size + i]);
                (Vector256.LoadUnsafe(ref zi) / pivot).StoreUnsafe(ref zi);
                (Vector256.LoadUnsafe(ref zi, 4) / pivot).StoreUnsafe(ref zi, 4);
            }
        }
    }

    /// <summary>Rows [end, n) of Z lose their combinations with the solved rows [chunk, end).</summary>
    private void UpdateBelow(ref double z, int columns, int stripped, int chunk, int end)
    {
        int n = Size, first = end;
        for (; first + KernelRows <= n; first += KernelRows)
        {
            for (int c = 0; c < stripped; c += StripWidth)
                SubtractSixRows(ref z, columns, first, chunk, end, c);
        }
        for (int i = first; i < n; i++)
        {
            for (int c = 0; c < stripped; c += StripWidth)
                SubtractRow(ref z, columns, i, chunk, end, c);
        }
    }

    /// <summary>Z[i, c..c+8) −= Σ_{k ∈ [from, to)} L_ik·Z[k, c..c+8), one fused multiply-add per k in increasing k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SubtractRow(ref double z, int columns, int i, int from, int to, int c)
    {
        ref double rowL = ref _lower[i * Size];
        ref double zi = ref Unsafe.Add(ref z, i * columns + c);
        ref double zk = ref Unsafe.Add(ref z, from * columns + c);
        var t0 = Vector256.LoadUnsafe(ref zi);
        var t1 = Vector256.LoadUnsafe(ref zi, 4);
        for (int k = from; k < to; k++)
        {
            var a = Vector256.Create(Unsafe.Add(ref rowL, k));
            t0 = SubtractProduct(a, Vector256.LoadUnsafe(ref zk), t0);
            t1 = SubtractProduct(a, Vector256.LoadUnsafe(ref zk, 4), t1);
            zk = ref Unsafe.Add(ref zk, columns);
        }
        t0.StoreUnsafe(ref zi);
        t1.StoreUnsafe(ref zi, 4);
    }

    /// <summary>The register kernel: <see cref="SubtractRow"/> for rows [first, first + 6) at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SubtractSixRows(ref double z, int columns, int first, int from, int to, int c)
    {
        int n = Size;
        ref double l0 = ref _lower[first * n];
        ref double l1 = ref Unsafe.Add(ref l0, n);
        ref double l2 = ref Unsafe.Add(ref l1, n);
        ref double l3 = ref Unsafe.Add(ref l2, n);
        ref double l4 = ref Unsafe.Add(ref l3, n);
        ref double l5 = ref Unsafe.Add(ref l4, n);
        ref double z0 = ref Unsafe.Add(ref z, first * columns + c);
        ref double z1 = ref Unsafe.Add(ref z0, columns);
        ref double z2 = ref Unsafe.Add(ref z1, columns);
        ref double z3 = ref Unsafe.Add(ref z2, columns);
        ref double z4 = ref Unsafe.Add(ref z3, columns);
        ref double z5 = ref Unsafe.Add(ref z4, columns);
        Vector256<double> t00 = Vector256.LoadUnsafe(ref z0), t01 = Vector256.LoadUnsafe(ref z0, 4);
        Vector256<double> t10 = Vector256.LoadUnsafe(ref z1), t11 = Vector256.LoadUnsafe(ref z1, 4);
        Vector256<double> t20 = Vector256.LoadUnsafe(ref z2), t21 = Vector256.LoadUnsafe(ref z2, 4);
        Vector256<double> t30 = Vector256.LoadUnsafe(ref z3), t31 = Vector256.LoadUnsafe(ref z3, 4);
        Vector256<double> t40 = Vector256.LoadUnsafe(ref z4), t41 = Vector256.LoadUnsafe(ref z4, 4);
        Vector256<double> t50 = Vector256.LoadUnsafe(ref z5), t51 = Vector256.LoadUnsafe(ref z5, 4);
        ref double zk = ref Unsafe.Add(ref z, from * columns + c);
        for (int k = from; k < to; k++)
        {
            var b0 = Vector256.LoadUnsafe(ref zk);
            var b1 = Vector256.LoadUnsafe(ref zk, 4);
            var a = Vector256.Create(Unsafe.Add(ref l0, k));
            t00 = SubtractProduct(a, b0, t00);
            t01 = SubtractProduct(a, b1, t01);
            a = Vector256.Create(Unsafe.Add(ref l1, k));
            t10 = SubtractProduct(a, b0, t10);
            t11 = SubtractProduct(a, b1, t11);
            a = Vector256.Create(Unsafe.Add(ref l2, k));
            t20 = SubtractProduct(a, b0, t20);
            t21 = SubtractProduct(a, b1, t21);
            a = Vector256.Create(Unsafe.Add(ref l3, k));
            t30 = SubtractProduct(a, b0, t30);
            t31 = SubtractProduct(a, b1, t31);
            a = Vector256.Create(Unsafe.Add(ref l4, k));
            t40 = SubtractProduct(a, b0, t40);
            t41 = SubtractProduct(a, b1, t41);
            a = Vector256.Create(Unsafe.Add(ref l5, k));
            t50 = SubtractProduct(a, b0, t50);
            t51 = SubtractProduct(a, b1, t51);
            zk = ref Unsafe.Add(ref zk, columns);
        }
        t00.StoreUnsafe(ref z0);
        t01.StoreUnsafe(ref z0, 4);
        t10.StoreUnsafe(ref z1);
        t11.StoreUnsafe(ref z1, 4);
        t20.StoreUnsafe(ref z2);
        t21.StoreUnsafe(ref z2, 4);
        t30.StoreUnsafe(ref z3);
        t31.StoreUnsafe(ref z3, 4);
        t40.StoreUnsafe(ref z4);
        t41.StoreUnsafe(ref z4, 4);
        t50.StoreUnsafe(ref z5);
        t51.StoreUnsafe(ref z5, 4);
    }

    /// <summary>Rows [first, first + 6) in columns [c, c + 8), once only the 6×6 diagonal block of L remains: each row subtracts the rows above it in the block, in order, and divides by its pivot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveSixRowDiagonal(ref double z, int columns, int first, int c)
    {
        int n = Size;
        for (int r = 0; r < KernelRows; r++)
        {
            int i = first + r;
            ref double rowL = ref _lower[i * n];
            ref double zi = ref Unsafe.Add(ref z, i * columns + c);
            var t0 = Vector256.LoadUnsafe(ref zi);
            var t1 = Vector256.LoadUnsafe(ref zi, 4);
            ref double zk = ref Unsafe.Add(ref z, first * columns + c);
            for (int k = first; k < i; k++)
            {
                var a = Vector256.Create(Unsafe.Add(ref rowL, k));
                t0 = SubtractProduct(a, Vector256.LoadUnsafe(ref zk), t0);
                t1 = SubtractProduct(a, Vector256.LoadUnsafe(ref zk, 4), t1);
                zk = ref Unsafe.Add(ref zk, columns);
            }
            var pivot = Vector256.Create(Unsafe.Add(ref rowL, i));
            (t0 / pivot).StoreUnsafe(ref zi);
            (t1 / pivot).StoreUnsafe(ref zi, 4);
        }
    }

    /// <summary>c − a·b rounded once, lane by lane (exactly <see cref="Math.FusedMultiplyAdd"/>(−a, b, c)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SubtractProduct(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : Vector256.FusedMultiplyAdd(-a, b, c);

    /// <summary>Column c of Z alone, in the same order of operations as the vector kernels.</summary>
    /// <remarks>
    /// Each entry is a chain of dependent multiply-adds, so one row at a time waits on the latency of every
    /// one of them. Four rows go together instead: their chains over the rows already solved are
    /// independent and overlap, then the 4×4 diagonal block finishes them in order. Every entry keeps
    /// its own order (k increasing), so the bits are those of the one-row loop.
    /// </remarks>
    private void SolveColumn(ref double z, int columns, int c)
    {
        int n = Size;
        ReadOnlySpan<double> l = _lower;
        ref double zc = ref Unsafe.Add(ref z, c);
        int i = 0;
        for (; i + 4 <= n; i += 4)
        {
            ReadOnlySpan<double> l0 = l.Slice(i * n, i + 1), l1 = l.Slice((i + 1) * n, i + 2);
            ReadOnlySpan<double> l2 = l.Slice((i + 2) * n, i + 3), l3 = l.Slice((i + 3) * n, i + 4);
            double t0 = Unsafe.Add(ref zc, i * columns), t1 = Unsafe.Add(ref zc, (i + 1) * columns);
            double t2 = Unsafe.Add(ref zc, (i + 2) * columns), t3 = Unsafe.Add(ref zc, (i + 3) * columns);
            for (int k = 0; k < i; k++)
            {
                double zk = Unsafe.Add(ref zc, k * columns);
                t0 = Math.FusedMultiplyAdd(-l0[k], zk, t0);
                t1 = Math.FusedMultiplyAdd(-l1[k], zk, t1);
                t2 = Math.FusedMultiplyAdd(-l2[k], zk, t2);
                t3 = Math.FusedMultiplyAdd(-l3[k], zk, t3);
            }
            double z0 = t0 / l0[i];
            t1 = Math.FusedMultiplyAdd(-l1[i], z0, t1);
            t2 = Math.FusedMultiplyAdd(-l2[i], z0, t2);
            t3 = Math.FusedMultiplyAdd(-l3[i], z0, t3);
            double z1 = t1 / l1[i + 1];
            t2 = Math.FusedMultiplyAdd(-l2[i + 1], z1, t2);
            t3 = Math.FusedMultiplyAdd(-l3[i + 1], z1, t3);
            double z2 = t2 / l2[i + 2];
            t3 = Math.FusedMultiplyAdd(-l3[i + 2], z2, t3);
            Unsafe.Add(ref zc, i * columns) = z0;
            Unsafe.Add(ref zc, (i + 1) * columns) = z1;
            Unsafe.Add(ref zc, (i + 2) * columns) = z2;
            Unsafe.Add(ref zc, (i + 3) * columns) = t3 / l3[i + 3];
        }
        for (; i < n; i++)
        {
            ReadOnlySpan<double> row = l.Slice(i * n, i + 1);
            ref double zi = ref Unsafe.Add(ref zc, i * columns);
            double t = zi;
            for (int k = 0; k < i; k++)
                t = Math.FusedMultiplyAdd(-row[k], Unsafe.Add(ref zc, k * columns), t);
            zi = t / row[i];
        }
    }
}
