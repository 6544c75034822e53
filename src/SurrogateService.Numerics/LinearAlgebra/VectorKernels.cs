using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// The few vector kernels the dense factorisations, the solves, the surrogates and the neural
/// network spend their time in: dot products, axpy and distances on spans.
/// </summary>
/// <remarks>
/// Sums have a fixed order that does not depend on the hardware: the dot products use 256-bit
/// vectors explicitly (emulated exactly where the hardware lacks them), never the machine's
/// <see cref="Vector{T}"/> width, and reduce their lanes in a fixed order. So a seeded fit gives
/// the same bits on every machine. Element-wise kernels (axpy) may use any width: they do not
/// reassociate.
/// </remarks>
public static class VectorKernels
{
    /// <summary>
    /// Σ a_i·b_i (the spans must have equal length). Element i goes to partial sum i mod 8 (two
    /// 4-lane accumulators, which hide the latency of the add chain); the ragged end is zero-padded;
    /// the partial sums are combined as ((s0+s4) + (s1+s5)) + ((s2+s6) + (s3+s7)).
    /// </summary>
    // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("Spans must have equal length.", nameof(b));
        int full = a.Length - a.Length % 8;
        var va = MemoryMarshal.Cast<double, Vector256<double>>(a[..full]);
        var vb = MemoryMarshal.Cast<double, Vector256<double>>(b[..full]);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        for (int k = 0; k < va.Length; k += 2)
        {
            acc0 += va[k] * vb[k];
            acc1 += va[k + 1] * vb[k + 1];
        }
        if (full == a.Length)
            return SumLanes(acc0 + acc1);
        // The ragged end lane by lane, the bits of adding it as zero-padded vectors (a lane plus 0·0 is itself: the
        // accumulators start at +0 and a sum is never −0), without copying it: the small factorisations of the
        // nearest-neighbour approximation make millions of short dot products, where the copy cost more than the sum.
        double s0 = acc0.GetElement(0), s1 = acc0.GetElement(1), s2 = acc0.GetElement(2), s3 = acc0.GetElement(3);
        double s4 = acc1.GetElement(0), s5 = acc1.GetElement(1), s6 = acc1.GetElement(2), s7 = acc1.GetElement(3);
        int tail = a.Length - full;
        s0 += a[full] * b[full];
        if (tail > 1)
            s1 += a[full + 1] * b[full + 1];
        if (tail > 2)
            s2 += a[full + 2] * b[full + 2];
        if (tail > 3)
            s3 += a[full + 3] * b[full + 3];
        if (tail > 4)
            s4 += a[full + 4] * b[full + 4];
        if (tail > 5)
            s5 += a[full + 5] * b[full + 5];
        if (tail > 6)
            s6 += a[full + 6] * b[full + 6];
        return ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
    }

    /// <summary>y ← y + alpha·x (the spans must have equal length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("Spans must have equal length.", nameof(x));
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var va = new Vector<double>(alpha);
            for (int k = 0; k < vy.Length; k++)
                vy[k] += va * vx[k];
            i = vy.Length * Vector<double>.Count;
        }
        for (; i < y.Length; i++)
            y[i] += alpha * x[i];
    }

    /// <summary>
    /// Four dot products against one shared vector x at once (results[r] = rows_r·x): x is loaded
    /// once per four multiply-adds, which is what blocked factorisations need to escape the load
    /// limit. Each sum runs in 4 lanes (element i in lane i mod 4), then the scalar tail, in a fixed order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DotFour(ReadOnlySpan<double> x, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2, ReadOnlySpan<double> a3, Span<double> results)
    {
        int length = x.Length;
        if (a0.Length < length || a1.Length < length || a2.Length < length || a3.Length < length || results.Length < 4)
            throw new ArgumentException("Every row must be at least as long as x, and results must hold four values.");
        int full = length - length % 4;
        var vx = MemoryMarshal.Cast<double, Vector256<double>>(x[..full]);
        var v0 = MemoryMarshal.Cast<double, Vector256<double>>(a0[..full]);
        var v1 = MemoryMarshal.Cast<double, Vector256<double>>(a1[..full]);
        var v2 = MemoryMarshal.Cast<double, Vector256<double>>(a2[..full]);
        var v3 = MemoryMarshal.Cast<double, Vector256<double>>(a3[..full]);
        Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
        for (int k = 0; k < vx.Length; k++)
        {
            var xk = vx[k];
            s0 += v0[k] * xk;
            s1 += v1[k] * xk;
            s2 += v2[k] * xk;
            s3 += v3[k] * xk;
        }
        double r0 = SumLanes(s0), r1 = SumLanes(s1), r2 = SumLanes(s2), r3 = SumLanes(s3);
        for (int k = full; k < length; k++)
        {
            r0 += a0[k] * x[k];
            r1 += a1[k] * x[k];
            r2 += a2[k] * x[k];
            r3 += a3[k] * x[k];
        }
        results[0] = r0;
        results[1] = r1;
        results[2] = r2;
        results[3] = r3;
    }

    /// <summary>Euclidean distance between two points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("Points differ in dimension.", nameof(b));
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double difference = a[i] - b[i];
            sum += difference * difference;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>(v0 + v1) + (v2 + v3): a fixed order, unlike <see cref="Vector256.Sum{T}"/>, whose order is unspecified.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumLanes(Vector256<double> v) => (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));
}
