using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// Kriging's standard errors, computed with the blocked solve for blocks of points on all cores, against
/// the textbook per point: r built here from the squared-exponential formula, one forward substitution
/// per point, s² = σ²(1 − ‖L⁻¹r‖² + (1 − (L⁻¹1)ᵀL⁻¹r)²/‖L⁻¹1‖²) (Jones 2001).
/// </summary>
public class KrigingStandardErrorSolveTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void Standard_errors_match_the_per_point_solve(double noiseRatio)
    {
        var box = new Box([0.0, 0, 0, 0, 0, 0], [1.0, 1, 1, 1, 1, 1]);
        var data = Sample(250, box, seed: 21, x => Math.Sin(3 * x[0]) + x[1] * x[2] - Math.Exp(-x[3]) + 0.5 * x[4] * x[4] - x[5]);
        double[] theta = [3, 2, 1.5, 1, 0.7, 0.5];
        const double nugget = 1e-8;
        var noise = noiseRatio > 0 ? KrigingNoise.Fitted : KrigingNoise.None;
        var model = KrigingModel.WithNugget(data, new KrigingCorrelation(KernelShape.SquaredExponential, theta, [2, 2, 2, 2, 2, 2]), nugget, noise, noiseRatio);
        // More points than the parallel threshold, and a ragged last block.
        var queries = Sample(2100, box, seed: 22, _ => 0).Points;

        var errors = StandardErrors(model, queries);

        var expected = PerPointStandardErrors(data.Points, theta, 1 + nugget + noiseRatio, model.ProcessVariance, queries);
        for (int k = 0; k < queries.Count; k++)
        {
            double variance = errors[k] * errors[k], expectedVariance = expected[k] * expected[k];
            Assert.True(Math.Abs(variance - expectedVariance) <= 1e-12 * model.ProcessVariance, $"point {k}: {errors[k]:R} against {expected[k]:R}");
        }
    }

    private static double[] PerPointStandardErrors(PointSet training, double[] theta, double diagonal, double processVariance, PointSet queries)
    {
        int n = training.Count;
        var k = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                k[i * n + j] = i == j ? diagonal : Correlation(training[i], training[j], theta);
        }
        var factor = Cholesky.Factor(k, n);
        var u = Enumerable.Repeat(1.0, n).ToArray();
        factor.ForwardSubstitute(u);
        double uu = u.Sum(v => v * v);
        var errors = new double[queries.Count];
        var r = new double[n];
        for (int q = 0; q < queries.Count; q++)
        {
            for (int i = 0; i < n; i++)
                r[i] = Correlation(queries[q], training[i], theta);
            factor.ForwardSubstitute(r);
            double quadratic = r.Sum(v => v * v), misfit = 1 - u.Zip(r, (a, b) => a * b).Sum();
            errors[q] = Math.Sqrt(Math.Max(processVariance * (1 - quadratic + misfit * misfit / uu), 0));
        }
        return errors;
    }

    private static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] theta)
    {
        double s = 0;
        for (int l = 0; l < theta.Length; l++)
            s += theta[l] * (a[l] - b[l]) * (a[l] - b[l]);
        return Math.Exp(-s);
    }
}
