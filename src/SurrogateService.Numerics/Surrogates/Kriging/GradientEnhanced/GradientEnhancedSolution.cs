using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// The concentrated maximum-likelihood fit of gradient-enhanced Kriging at fixed θ: with C the
/// covariance of the observations in units of σ² and f the mean's regressor (1 at values, 0 at
/// gradients), μ = fᵀC⁻¹Y / fᵀC⁻¹f, σ² = (Y − fμ)ᵀC⁻¹(Y − fμ)/N and
/// ln L = −(N/2)·ln σ² − ½·ln|C| (constants dropped); weights α = C⁻¹(Y − fμ).
/// </summary>
internal sealed record GradientEnhancedSolution(Cholesky Factor, double Mean, double ProcessVariance, double[] Weights, double[] InverseTimesTrend,
    double TrendPrecision, double LogLikelihood, double LargestEigenvalueBound)
{
    /// <summary>Null when C + nugget cannot be factored or the data carry no variation (σ² = 0).</summary>
    public static GradientEnhancedSolution? Solve(GradientObservations observations, GradientCovariance covariance, double relativeNugget)
    {
        int size = observations.Count;
        var matrix = observations.Matrix(covariance, relativeNugget);
        double largestBound = GershgorinBound(matrix, size);
        if (!Cholesky.TryFactor(matrix, size, out var factor))
            return null;
        var trend = Array.ConvertAll(observations.IsValue, isValue => isValue ? 1.0 : 0.0);
        var inverseTimesTrend = (double[])trend.Clone();
        factor.Solve(inverseTimesTrend);
        double trendPrecision = VectorKernels.Dot(trend, inverseTimesTrend);
        var inverseTimesValues = (double[])observations.Values.Clone();
        factor.Solve(inverseTimesValues);
        double mean = VectorKernels.Dot(trend, inverseTimesValues) / trendPrecision;
        var weights = new double[size];
        for (int r = 0; r < size; r++)
            weights[r] = inverseTimesValues[r] - mean * inverseTimesTrend[r];
        double processVariance = 0;
        for (int r = 0; r < size; r++)
            processVariance += (observations.Values[r] - mean * trend[r]) * weights[r];
        processVariance /= size;
        if (!(processVariance > 0) || !double.IsFinite(processVariance))
            return null;
        double logLikelihood = -0.5 * size * Math.Log(processVariance) - 0.5 * factor.LogDeterminant();
        return new GradientEnhancedSolution(factor, mean, processVariance, weights, inverseTimesTrend, trendPrecision, logLikelihood, largestBound);
    }

    /// <summary>
    /// ∂ln L/∂θ_m = ½·Σ_ab (α_a·α_b/σ² − (C⁻¹)_ab)·∂C_ab/∂θ_m (μ and σ² at their optimum contribute nothing).
    /// </summary>
    public void ThetaGradient(GradientObservations observations, GradientCovariance covariance, double relativeNugget, Span<double> gradient)
    {
        int size = observations.Count;
        var weights = new double[size * size];
        Factor.Inverse(weights);
        for (int a = 0; a < size; a++)
        {
            for (int b = 0; b < size; b++)
                weights[a * size + b] = Weights[a] * Weights[b] / ProcessVariance - weights[a * size + b];
        }
        observations.ContractThetaDerivatives(covariance, relativeNugget, weights, gradient);
        for (int m = 0; m < gradient.Length; m++)
            gradient[m] *= 0.5;
    }

    /// <summary>The largest absolute row sum: an upper bound of λmax for any symmetric matrix (C has negative entries, so no Perron bound).</summary>
    private static double GershgorinBound(double[] matrix, int size)
    {
        double bound = 0;
        for (int r = 0; r < size; r++)
        {
            double sum = 0;
            for (int c = 0; c < size; c++)
                sum += Math.Abs(matrix[r * size + c]);
            bound = Math.Max(bound, sum);
        }
        return bound;
    }
}
