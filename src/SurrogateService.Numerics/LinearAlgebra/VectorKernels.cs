using System.Numerics;
using System.Runtime.InteropServices;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>
/// SIMD dot product and axpy on spans: the inner loops of the dense factorisations and solves
/// walk contiguous rows, so vectorising these two kernels is what makes them fast.
/// </summary>
public static class VectorKernels
{
    /// <summary>Σ a_i·b_i over the common length (the spans must have equal length).</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("Spans must have equal length.", nameof(b));
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            // Two accumulators hide the latency of the multiply-add chain.
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                acc0 += va[k] * vb[k];
                acc1 += va[k + 1] * vb[k + 1];
            }
            if (k < va.Length)
                acc0 += va[k] * vb[k];
            sum = Vector.Sum(acc0 + acc1);
            i = va.Length * Vector<double>.Count;
        }
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y ← y + alpha·x (the spans must have equal length).</summary>
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
    /// once per four multiply-adds, which is what blocked factorisations need to escape the load limit.
    /// </summary>
    public static void DotFour(ReadOnlySpan<double> x, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1, ReadOnlySpan<double> a2, ReadOnlySpan<double> a3, Span<double> results)
    {
        int length = x.Length;
        if (a0.Length < length || a1.Length < length || a2.Length < length || a3.Length < length || results.Length < 4)
            throw new ArgumentException("Every row must be at least as long as x, and results must hold four values.");
        int full = Vector.IsHardwareAccelerated ? length - length % Vector<double>.Count : 0;
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..full]);
        var v0 = MemoryMarshal.Cast<double, Vector<double>>(a0[..full]);
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(a1[..full]);
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(a2[..full]);
        var v3 = MemoryMarshal.Cast<double, Vector<double>>(a3[..full]);
        Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
        for (int k = 0; k < vx.Length; k++)
        {
            var xk = vx[k];
            s0 += v0[k] * xk;
            s1 += v1[k] * xk;
            s2 += v2[k] * xk;
            s3 += v3[k] * xk;
        }
        double r0 = Vector.Sum(s0), r1 = Vector.Sum(s1), r2 = Vector.Sum(s2), r3 = Vector.Sum(s3);
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
}
