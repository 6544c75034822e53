namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The partial-least-squares directions of KPLS (Bouhlel et al., "Improving kriging surrogates of
/// high-dimensional design models by partial least squares dimension reduction", Struct. Multidisc.
/// Optim. 53, 2016): the h directions of the inputs (scaled to the unit box, centred) that covary
/// most with the centred values, found one after the other by NIPALS for a single response.
/// </summary>
/// <remarks>
/// Returns the rotations W* = W·(PᵀW)⁻¹ (W the weights, P the loadings), which map the centred
/// inputs to the PLS scores directly, t = X·W*, so that KPLS's kernel Π_k exp(−θ_k·(Σ_l w*_lk·Δu_l)²)
/// can be written per input, exp(−Σ_l (Σ_k θ_k·w*_lk²)·Δu_l²), as Bouhlel et al. do.
/// NIPALS deflates X so PᵀW is upper triangular with a unit diagonal: a back-substitution inverts it.
/// </remarks>
internal static class PartialLeastSquares
{
    /// <summary>Row-major d×h rotations W*; fewer than <paramref name="components"/> columns when the values are explained sooner.</summary>
    public static double[,] Rotations(TrainingSet data, int components)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count, d = data.Dimension;
        var x = new double[n, d];
        for (int l = 0; l < d; l++)
        {
            double lower = data.Box.Lower[l], width = data.Box.Upper[l] - lower, mean = 0;
            for (int i = 0; i < n; i++)
                mean += x[i, l] = (data.Points[i][l] - lower) / width;
            mean /= n;
            for (int i = 0; i < n; i++)
                x[i, l] -= mean;
        }
        var y = (double[])data.Values.Clone();
        double yMean = y.Average();
        for (int i = 0; i < n; i++)
            y[i] -= yMean;

        var weights = new List<double[]>();
        var loadings = new List<double[]>();
        double yScale = Math.Sqrt(y.Sum(v => v * v));
        for (int k = 0; k < components; k++)
        {
            var w = new double[d];
            for (int l = 0; l < d; l++)
            {
                for (int i = 0; i < n; i++)
                    w[l] += x[i, l] * y[i];
            }
            double norm = Math.Sqrt(w.Sum(v => v * v));
            // Nothing of the values is left to explain along the inputs (to rounding).
            if (!(norm > 1e-12 * Math.Max(yScale, double.Epsilon)))
                break;
            for (int l = 0; l < d; l++)
                w[l] /= norm;
            var t = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int l = 0; l < d; l++)
                    t[i] += x[i, l] * w[l];
            }
            double tt = t.Sum(v => v * v);
            if (!(tt > 0))
                break;
            var loading = new double[d];
            for (int l = 0; l < d; l++)
            {
                for (int i = 0; i < n; i++)
                    loading[l] += x[i, l] * t[i];
                loading[l] /= tt;
            }
            double q = 0;
            for (int i = 0; i < n; i++)
                q += y[i] * t[i];
            q /= tt;
            for (int i = 0; i < n; i++)
            {
                y[i] -= q * t[i];
                for (int l = 0; l < d; l++)
                    x[i, l] -= t[i] * loading[l];
            }
            weights.Add(w);
            loadings.Add(loading);
        }
        return Rotate(weights, loadings, d);
    }

    /// <summary>W* = W·(PᵀW)⁻¹ with PᵀW upper triangular: column k of W* is w_k − Σ_{j&lt;k} W*_j·(PᵀW)_jk.</summary>
    private static double[,] Rotate(List<double[]> weights, List<double[]> loadings, int d)
    {
        int h = weights.Count;
        var rotations = new double[d, h];
        for (int k = 0; k < h; k++)
        {
            for (int l = 0; l < d; l++)
                rotations[l, k] = weights[k][l];
            for (int j = 0; j < k; j++)
            {
                double pw = 0;
                for (int l = 0; l < d; l++)
                    pw += loadings[j][l] * weights[k][l];
                for (int l = 0; l < d; l++)
                    rotations[l, k] -= rotations[l, j] * pw;
            }
            // The diagonal pₖᵀwₖ is 1 by construction (pₖ = Xₖᵀt/tᵀt, t = Xₖwₖ, ‖wₖ‖ = 1).
        }
        return rotations;
    }
}
