using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Points in the kernel's own metric: x_l·θ_l^{1/p_l}, so that the scaled distance Σ θ_l·|Δx_l|^{p_l}
/// is the squared Euclidean distance when p = 2 (every kernel but a rougher power exponential, for
/// which Euclidean nearness in this space is an approximation). This is the "scaled" of scaled
/// Vecchia (Katzfuss, Guinness &amp; Lawrence 2022): neighbours by correlation, not by raw distance.
/// </summary>
internal static class ScaledPoints
{
    public static double[] Scale(PointSet points, ReadOnlySpan<double> theta, ReadOnlySpan<double> p)
    {
        int n = points.Count, d = points.Dimension;
        Span<double> factor = stackalloc double[d];
        for (int l = 0; l < d; l++)
            factor[l] = Math.Pow(theta[l], 1 / p[l]);
        var scaled = new double[checked(n * d)];
        ReadOnlySpan<double> source = points.Data;
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < d; l++)
                scaled[i * d + l] = source[i * d + l] * factor[l];
        }
        return scaled;
    }

    public static void ScaleOne(ReadOnlySpan<double> point, ReadOnlySpan<double> theta, ReadOnlySpan<double> p, Span<double> scaled)
    {
        for (int l = 0; l < point.Length; l++)
            scaled[l] = point[l] * Math.Pow(theta[l], 1 / p[l]);
    }
}
