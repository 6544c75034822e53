namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Covariances, in units of σ², between the value and the gradient of a stationary process at two
/// points a and b, for a kernel R(s) with s = Σ_l θ_l·Δ_l², Δ = a − b. With u_l = 2θ_l·Δ_l
/// (= ∂s/∂a_l) and R', R'', R''' the derivatives in s:
/// cov(y(a), y(b)) = R; cov(y(a), ∂_l y(b)) = −u_l·R'; cov(∂_k y(a), y(b)) = u_k·R';
/// cov(∂_k y(a), ∂_l y(b)) = −2θ_l·δ_kl·R' − u_k·u_l·R''. These are the derivatives of the covariance
/// in either argument (a differentiable process has derivative covariances; Rasmussen &amp; Williams
/// 2006, §9.4; Morris, Mitchell &amp; Ylvisaker, Technometrics 35(3), 1993, for their use in Kriging).
/// </summary>
/// <remarks>
/// A block has rows 0 (the value at a) and 1 + k (∂_k at a), columns 0 (the value at b) and 1 + l
/// (∂_l at b), row-major, (1 + d)² entries. The Matérn kernels' R'' and R''' diverge at s = 0, where
/// every factor that multiplies them vanishes: they are taken as 0 there.
/// </remarks>
internal sealed class GradientCovariance(KernelShape shape, double[] theta)
{
    private readonly double[] _delta = new double[theta.Length];
    private readonly double[] _u = new double[theta.Length];

    public int Dimension => theta.Length;

    public int BlockSize => (1 + Dimension) * (1 + Dimension);

    public ReadOnlySpan<double> Theta => theta;

    /// <summary>Fills the block between a and b; returns s. Not thread-safe (it keeps its work arrays).</summary>
    public double Block(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> block)
    {
        var (s, r, r1, r2, _) = Prepare(a, b);
        int d = Dimension, width = d + 1;
        block[0] = r;
        for (int l = 0; l < d; l++)
        {
            block[1 + l] = -_u[l] * r1;
            block[(1 + l) * width] = _u[l] * r1;
        }
        for (int k = 0; k < d; k++)
        {
            for (int l = 0; l < d; l++)
                block[(1 + k) * width + 1 + l] = (k == l ? -2 * theta[l] * r1 : 0) - _u[k] * _u[l] * r2;
        }
        return s;
    }

    /// <summary>
    /// The derivative of the block in θ_m for every m: derivatives[m·(1 + d)² + entry]. With q = Δ_m²:
    /// ∂R = R'q; ∂cov(y, ∂_l y) = −2δ_lm·Δ_l·R' − u_l·R''·q; ∂cov(∂_k y, y) = 2δ_km·Δ_k·R' + u_k·R''·q;
    /// ∂cov(∂_k y, ∂_l y) = −2δ_lm·δ_kl·R' − 2θ_l·δ_kl·R''·q − 2δ_km·Δ_k·u_l·R'' − 2δ_lm·Δ_l·u_k·R'' − u_k·u_l·R'''·q.
    /// </summary>
    public void ThetaDerivatives(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> derivatives)
    {
        var (_, _, r1, r2, r3) = Prepare(a, b);
        int d = Dimension, width = d + 1;
        for (int m = 0; m < d; m++)
        {
            Span<double> block = derivatives.Slice(m * BlockSize, BlockSize);
            double q = _delta[m] * _delta[m];
            block[0] = r1 * q;
            for (int l = 0; l < d; l++)
            {
                double own = l == m ? 2 * _delta[l] * r1 : 0;
                block[1 + l] = -own - _u[l] * r2 * q;
                block[(1 + l) * width] = own + _u[l] * r2 * q;
            }
            for (int k = 0; k < d; k++)
            {
                for (int l = 0; l < d; l++)
                {
                    double entry = -_u[k] * _u[l] * r3 * q;
                    if (k == l)
                        entry -= 2 * theta[l] * r2 * q + (l == m ? 2 * r1 : 0);
                    if (k == m)
                        entry -= 2 * _delta[k] * _u[l] * r2;
                    if (l == m)
                        entry -= 2 * _delta[l] * _u[k] * r2;
                    block[(1 + k) * width + 1 + l] = entry;
                }
            }
        }
    }

    private (double S, double R, double R1, double R2, double R3) Prepare(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int l = 0; l < Dimension; l++)
        {
            _delta[l] = a[l] - b[l];
            _u[l] = 2 * theta[l] * _delta[l];
            s += theta[l] * _delta[l] * _delta[l];
        }
        var (r, r1, r2, r3) = KernelProfiles.Derivatives(shape, s);
        return s > 0 ? (s, r, r1, r2, r3) : (s, r, r1, 0, 0);
    }
}
