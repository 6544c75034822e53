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
}
