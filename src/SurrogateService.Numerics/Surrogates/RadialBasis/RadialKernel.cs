namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The radial functions φ(r) of <see cref="RadialBasisKind"/>, with scipy's signs (linear −r,
/// multiquadric −√(1 + r²), quintic −r⁵). With a tail of at least the kernel's minimum degree the
/// sign does not change the interpolant; it matters only with smoothing, where these signs make
/// the kernel conditionally positive definite, so smoothing acts as a ridge and matches scipy.
/// </summary>
internal enum RadialKernel
{
    Linear,
    Cubic,
    ThinPlate,
    Multiquadric,
    Gaussian,
    Quintic,
}

/// <summary>Names, evaluation and minimum tail degrees of the radial kernels.</summary>
internal static class RadialKernels
{
    /// <summary>The names clients use, in the order of <see cref="RadialKernel"/>.</summary>
    public static readonly string[] Names = ["linear", "cubic", "thinPlate", "multiquadric", "gaussian", "quintic"];

    public static RadialKernel Parse(string? name)
    {
        int index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new SurrogateFitException($"Unknown kernel '{name}'; expected one of {string.Join(", ", Names)}.") { Field = "options.kernel" };
        return (RadialKernel)index;
    }

    public static string Name(RadialKernel kernel) => Names[(int)kernel];

    /// <summary>
    /// The lowest tail degree for which the kernel is conditionally positive definite of the right
    /// order, so that the augmented system is non-singular for distinct points (−1: no tail needed).
    /// </summary>
    public static int MinimumDegree(RadialKernel kernel) => kernel switch
    {
        RadialKernel.Linear or RadialKernel.Multiquadric => 0,
        RadialKernel.Cubic or RadialKernel.ThinPlate => 1,
        RadialKernel.Quintic => 2,
        _ => -1,
    };

    /// <summary>φ(r) for r ≥ 0 (already divided by the scale).</summary>
    public static double Evaluate(RadialKernel kernel, double r) => kernel switch
    {
        RadialKernel.Linear => -r,
        RadialKernel.Cubic => r * r * r,
        RadialKernel.ThinPlate => r == 0 ? 0 : r * r * Math.Log(r),
        RadialKernel.Multiquadric => -Math.Sqrt(1 + r * r),
        RadialKernel.Gaussian => Math.Exp(-r * r),
        _ => -(r * r) * (r * r) * r,
    };

    /// <summary>
    /// φ′(r)/r, so that ∇_x φ(‖x − c‖/s) = φ′(r)/r·(x − c)/s². At r = 0 it is 0 where the limit of
    /// φ′(r)/r·(x − c) vanishes (thin plate: 2 ln r + 1 times r → 0) and also for the linear kernel,
    /// whose gradient does not exist at its centre (0 is the mean of its one-sided slopes).
    /// </summary>
    public static double DerivativeOverR(RadialKernel kernel, double r) => kernel switch
    {
        RadialKernel.Linear => r == 0 ? 0 : -1 / r,
        RadialKernel.Cubic => 3 * r,
        RadialKernel.ThinPlate => r == 0 ? 0 : 2 * Math.Log(r) + 1,
        RadialKernel.Multiquadric => -1 / Math.Sqrt(1 + r * r),
        RadialKernel.Gaussian => -2 * Math.Exp(-r * r),
        _ => -5 * (r * r) * r,
    };
}
