using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SurrogateService.Numerics.Waves;

/// <summary>
/// The three row updates of the staggered scheme, each over one grid row with x contiguous. The
/// vector body and the scalar tail evaluate the same expression in the same order (no fused
/// multiply-add), so every cell gets the same bits whichever path and whichever thread computes it.
/// </summary>
internal static class StaggeredKernels
{
    /// <summary>vx[i] −= c·(p[i] − p[i−1]) for i = 1 … n−1, with n = p.Length and vx of length n + 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void VelocityX(Span<double> vx, ReadOnlySpan<double> p, double c)
    {
        int n = p.Length;
        if (vx.Length != n + 1)
            throw new ArgumentException("vx must have one more entry than p.", nameof(vx));
        ref double v = ref MemoryMarshal.GetReference(vx);
        ref double q = ref MemoryMarshal.GetReference(p);
        var cv = new Vector<double>(c);
        int i = 1;
        for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
        {
            var left = Vector.LoadUnsafe(ref q, (nuint)(i - 1));
            var right = Vector.LoadUnsafe(ref q, (nuint)i);
            (Vector.LoadUnsafe(ref v, (nuint)i) - cv * (right - left)).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < n; i++)
            vx[i] -= c * (p[i] - p[i - 1]);
    }

    /// <summary>vy[i] −= c·(p[i] − pBelow[i]) for i = 1 … n−2: the face between rows j−1 and j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void VelocityY(Span<double> vy, ReadOnlySpan<double> pBelow, ReadOnlySpan<double> p, double c)
    {
        int n = p.Length;
        if (vy.Length != n || pBelow.Length != n)
            throw new ArgumentException("Rows must have the same length.", nameof(vy));
        ref double v = ref MemoryMarshal.GetReference(vy);
        ref double below = ref MemoryMarshal.GetReference(pBelow);
        ref double here = ref MemoryMarshal.GetReference(p);
        var cv = new Vector<double>(c);
        int i = 1;
        for (; i <= n - 1 - Vector<double>.Count; i += Vector<double>.Count)
        {
            var d = Vector.LoadUnsafe(ref here, (nuint)i) - Vector.LoadUnsafe(ref below, (nuint)i);
            (Vector.LoadUnsafe(ref v, (nuint)i) - cv * d).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < n - 1; i++)
            vy[i] -= c * (p[i] - pBelow[i]);
    }

    /// <summary>p[i] −= bx·(vx[i+1] − vx[i]) + by·(vyAbove[i] − vyBelow[i]) for every i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pressure(Span<double> p, ReadOnlySpan<double> vx, ReadOnlySpan<double> vyBelow, ReadOnlySpan<double> vyAbove, double bx, double by)
    {
        int n = p.Length;
        if (vx.Length != n + 1 || vyBelow.Length != n || vyAbove.Length != n)
            throw new ArgumentException("Rows must match the pressure row.", nameof(p));
        ref double q = ref MemoryMarshal.GetReference(p);
        ref double u = ref MemoryMarshal.GetReference(vx);
        ref double below = ref MemoryMarshal.GetReference(vyBelow);
        ref double above = ref MemoryMarshal.GetReference(vyAbove);
        var bxv = new Vector<double>(bx);
        var byv = new Vector<double>(by);
        int i = 0;
        for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
        {
            var dvx = Vector.LoadUnsafe(ref u, (nuint)(i + 1)) - Vector.LoadUnsafe(ref u, (nuint)i);
            var dvy = Vector.LoadUnsafe(ref above, (nuint)i) - Vector.LoadUnsafe(ref below, (nuint)i);
            (Vector.LoadUnsafe(ref q, (nuint)i) - (bxv * dvx + byv * dvy)).StoreUnsafe(ref q, (nuint)i);
        }
        for (; i < n; i++)
            p[i] -= bx * (vx[i + 1] - vx[i]) + by * (vyAbove[i] - vyBelow[i]);
    }
}
