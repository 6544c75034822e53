namespace SurrogateService.Numerics.Surrogates;

public sealed partial class KrigingModel
{
    /// <summary>
    /// The joint posterior covariance of the noise-free function at m points (row-major m×m), for
    /// Thompson sampling: C(a, b) = σ²·(R(a, b) − w_aᵀw_b + (1 − uᵀw_a)(1 − uᵀw_b)/uᵀu) with
    /// w = L⁻¹r, u = L⁻¹1 and L the factor of K, the covariance whose diagonal is the square of
    /// <see cref="StandardError"/> (μ estimated, Jones 2001). O(m·n² + m²·n).
    /// </summary>
    internal double[] PosteriorCovariance(Core.PointSet points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int m = points.Count, n = Data.Count;
        var covariance = _correlation.Matrix(points);
        var w = new double[n * m];
        _correlation.FillBlock(Data.Points, KrigingCorrelation.Transpose(points, 0, m), m, w);
        _factor.ForwardSubstitute(w, m);
        var misfit = new double[m];
        Array.Fill(misfit, 1.0);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = w.AsSpan(i * m, m);
            for (int a = 0; a < m; a++)
                misfit[a] -= _whitenedOnes[i] * row[a];
        }
        // −WᵀW, accumulated row of L⁻¹r by row so that every access runs along memory.
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = w.AsSpan(i * m, m);
            for (int a = 0; a < m; a++)
            {
                double wa = row[a];
                if (wa == 0)
                    continue;
                LinearAlgebra.VectorKernels.AddScaled(covariance.AsSpan(a * m, m), -wa, row);
            }
        }
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b < m; b++)
                covariance[a * m + b] = ProcessVariance * (covariance[a * m + b] + misfit[a] * misfit[b] / _onesPrecision);
        }
        return covariance;
    }
}
