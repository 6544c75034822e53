using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Generalised least squares for a mean β₀ + β₁·t (co-Kriging's trend), from quantities already
/// whitened by the Cholesky factor L of K: u = L⁻¹1, c = L⁻¹t, w = L⁻¹y. The 2×2 normal equations
/// [uᵀu uᵀc; cᵀu cᵀc]·β = [uᵀw; cᵀw] are solved in closed form.
/// </summary>
internal static class TwoTermTrend
{
    /// <returns>β₀, β₁, and whether t varies enough beside the constant for β₁ to be determined.</returns>
    public static (double Intercept, double Slope, bool IsDetermined) Solve(double[] whitenedOnes, double[] whitenedTrend, double[] whitenedValues)
    {
        double uu = VectorKernels.Dot(whitenedOnes, whitenedOnes), uc = VectorKernels.Dot(whitenedOnes, whitenedTrend);
        double cc = VectorKernels.Dot(whitenedTrend, whitenedTrend);
        double uw = VectorKernels.Dot(whitenedOnes, whitenedValues), cw = VectorKernels.Dot(whitenedTrend, whitenedValues);
        double determinant = uu * cc - uc * uc;
        return ((cc * uw - uc * cw) / determinant, (uu * cw - uc * uw) / determinant, determinant > 1e-12 * uu * cc);
    }
}
