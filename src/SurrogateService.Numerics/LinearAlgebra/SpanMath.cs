using System.Numerics;

namespace SurrogateService.Numerics.LinearAlgebra;

/// <summary>The few vector kernels the dense solvers and the neural network spend their time in.</summary>
public static class SpanMath
{
    /// <summary>
    /// Σ a_i·b_i with four accumulators in a fixed order: fast through instruction-level
    /// parallelism, yet the same bits on every machine (a SIMD width chosen by the hardware would
    /// change the summation order and so the last bits of seeded results).
    /// </summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException("Vectors differ in length.", nameof(b));
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i <= a.Length - 4; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.Length; i++)
            s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>y += alpha·x, element by element (SIMD is exact here: no reassociation).</summary>
    public static void AddScaled(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("Vectors differ in length.", nameof(x));
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var scale = new Vector<double>(alpha);
            for (; i <= y.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var sum = new Vector<double>(y[i..]) + scale * new Vector<double>(x[i..]);
                sum.CopyTo(y[i..]);
            }
        }
        for (; i < y.Length; i++)
            y[i] += alpha * x[i];
    }

    /// <summary>Euclidean distance between two points.</summary>
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
}
