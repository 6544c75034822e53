using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The correlation kernels of the Kriging family, all written in the scaled distance
/// s = Σ_l θ_l·|Δx_l|^{p_l} (p_l = 2 except for the power exponential), with d = √s:
/// power exponential and squared exponential exp(−s); Matérn 3/2 (1 + √3·d)·exp(−√3·d);
/// Matérn 5/2 (1 + √5·d + 5d²/3)·exp(−√5·d) (Rasmussen &amp; Williams 2006, eq. 4.17, with
/// ℓ_l = 1/√θ_l). One convention for all, so θ means the same thing whatever the kernel.
/// </summary>
public enum KernelShape
{
    PowerExponential,
    SquaredExponential,
    Matern32,
    Matern52,
}

/// <summary>The kernels' profiles R(s) and their slopes, vectorised so every caller gets the same bits.</summary>
internal static class KernelProfiles
{
    private static readonly double Sqrt3 = Math.Sqrt(3), Sqrt5 = Math.Sqrt(5);

    /// <summary>The option names clients use, in the order of <see cref="KernelShape"/>.</summary>
    public static readonly string[] Names = ["powerExponential", "squaredExponential", "matern32", "matern52"];

    public static string Name(KernelShape shape) => Names[(int)shape];

    public static KernelShape Parse(string name) => (KernelShape)Array.IndexOf(Names, name);

    /// <summary>Whether the kernel takes the exponents p_l from the options (only the power exponential does).</summary>
    public static bool HasExponents(KernelShape shape) => shape == KernelShape.PowerExponential;

    /// <summary>values[k] ← R(values[k]): scaled distances become correlations.</summary>
    // Vector256 code is left out of the ReadyToRun image, so without this it would start as tier-0 code with its loops
    // instrumented: a first fit after a start ran 8.5 times slower than the next (issue 25, docs/scaling.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyInPlace(KernelShape shape, Span<double> values)
    {
        int full = values.Length - values.Length % 4;
        var v = MemoryMarshal.Cast<double, Vector256<double>>(values[..full]);
        for (int k = 0; k < v.Length; k++)
            v[k] = Correlation(shape, v[k]);
        if (full < values.Length)
            StoreTail(Correlation(shape, LoadTail(values[full..])), values[full..]);
    }

    /// <summary>slopes[k] = −dR/ds at s = scaled[k], so that ∂R/∂θ_l = −slope·|Δx_l|^{p_l}.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NegativeSlopes(KernelShape shape, ReadOnlySpan<double> scaled, Span<double> slopes)
    {
        int full = scaled.Length - scaled.Length % 4;
        var s = MemoryMarshal.Cast<double, Vector256<double>>(scaled[..full]);
        var g = MemoryMarshal.Cast<double, Vector256<double>>(slopes[..full]);
        for (int k = 0; k < s.Length; k++)
            g[k] = NegativeSlope(shape, s[k]);
        if (full < scaled.Length)
            StoreTail(NegativeSlope(shape, LoadTail(scaled[full..])), slopes[full..]);
    }

    /// <summary>−dR/ds at one scaled distance (gradients of predictions).</summary>
    public static double NegativeSlope(KernelShape shape, double scaled) => NegativeSlope(shape, Vector256.Create(scaled))[0];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<double> Correlation(KernelShape shape, Vector256<double> s)
    {
        switch (shape)
        {
            case KernelShape.Matern32:
            {
                var a = Vector256.Sqrt(s) * Sqrt3;
                return (Vector256<double>.One + a) * Vector256.Exp(-a);
            }
            case KernelShape.Matern52:
            {
                var a = Vector256.Sqrt(s) * Sqrt5;
                return (Vector256<double>.One + a + s * (5.0 / 3)) * Vector256.Exp(-a);
            }
            default:
                return Vector256.Exp(-s);
        }
    }

    // dR/dd = −3d·exp(−√3d) (Matérn 3/2) and −(5/3)·d·(1 + √5d)·exp(−√5d) (Matérn 5/2), and dd/ds = 1/(2d).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector256<double> NegativeSlope(KernelShape shape, Vector256<double> s)
    {
        switch (shape)
        {
            case KernelShape.Matern32:
                return Vector256.Exp(-(Vector256.Sqrt(s) * Sqrt3)) * 1.5;
            case KernelShape.Matern52:
            {
                var a = Vector256.Sqrt(s) * Sqrt5;
                return (Vector256<double>.One + a) * Vector256.Exp(-a) * (5.0 / 6);
            }
            default:
                return Vector256.Exp(-s);
        }
    }

    /// <summary>
    /// Whether the kernel, as a function of the points, is twice differentiable (so the process is
    /// differentiable in mean square and gradients can be observed): every kernel here with p = 2.
    /// </summary>
    public static bool IsTwiceDifferentiable(KernelShape shape, ReadOnlySpan<double> p) =>
        shape != KernelShape.PowerExponential || !p.ContainsAnyExcept(2.0);

    /// <summary>
    /// R(s) and its first three derivatives in s, for gradient-enhanced Kriging. For the Matérn kernels
    /// the second and third derivatives grow without bound as s → 0; callers multiply them by products
    /// of coordinate differences that vanish faster, and skip them at s = 0.
    /// </summary>
    public static (double R, double R1, double R2, double R3) Derivatives(KernelShape shape, double s)
    {
        switch (shape)
        {
            case KernelShape.Matern32:
            {
                // R = (1 + a)·e^{−a}, a = √(3s), da/ds = 3/(2a).
                double a = Math.Sqrt(3 * s), e = Math.Exp(-a);
                return ((1 + a) * e, -1.5 * e, 2.25 * e / a, -27.0 / 8 * e * (a + 1) / (a * a * a));
            }
            case KernelShape.Matern52:
            {
                // R = (1 + a + a²/3)·e^{−a}, a = √(5s), da/ds = 5/(2a).
                double a = Math.Sqrt(5 * s), e = Math.Exp(-a);
                return ((1 + a + a * a / 3) * e, -5.0 / 6 * (1 + a) * e, 25.0 / 12 * e, -125.0 / 24 * e / a);
            }
            default:
            {
                double e = Math.Exp(-s);
                return (e, -e, e, -e);
            }
        }
    }

    /// <summary>Up to three trailing values, zero-padded to a full vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Vector256<double> LoadTail(ReadOnlySpan<double> tail)
    {
        Span<double> padded = stackalloc double[4];
        tail.CopyTo(padded);
        return Vector256.Create((ReadOnlySpan<double>)padded);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void StoreTail(Vector256<double> vector, Span<double> tail)
    {
        for (int k = 0; k < tail.Length; k++)
            tail[k] = vector[k];
    }
}
