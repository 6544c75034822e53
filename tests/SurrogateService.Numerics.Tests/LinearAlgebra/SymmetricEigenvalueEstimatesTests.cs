using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class SymmetricEigenvalueEstimatesTests
{
    [Theory]
    [InlineData(5, 1u)]
    [InlineData(30, 2u)]
    [InlineData(60, 3u)]
    public void Largest_bound_is_above_and_close_to_the_true_largest_eigenvalue(int n, ulong seed)
    {
        var a = GaussianCorrelationMatrix(n, seed);
        double exact = JacobiEigenvalues.Of(a, n)[^1];
        double bound = SymmetricEigenvalueEstimates.LargestUpperBound(a, n);
        Assert.InRange(bound, exact * (1 - 1e-12), exact * (1 + 1e-3));
    }

    [Fact]
    public void Largest_bound_of_the_compound_symmetric_matrix_is_exact()
    {
        // (1 − ρ)I + ρ11ᵀ has Perron eigenvector 1, so the first Collatz–Wielandt bound is exact: 1 + (n − 1)ρ.
        const int n = 9;
        var a = Enumerable.Range(0, n * n).Select(k => k / n == k % n ? 1.0 : 0.25).ToArray();
        Assert.Equal(1 + (n - 1) * 0.25, SymmetricEigenvalueEstimates.LargestUpperBound(a, n), 1e-14);
    }

    [Theory]
    [InlineData(5, 1u)]
    [InlineData(30, 2u)]
    [InlineData(60, 3u)]
    public void Smallest_estimate_approaches_the_smallest_eigenvalue_from_above(int n, ulong seed)
    {
        var a = GaussianCorrelationMatrix(n, seed);
        double exact = JacobiEigenvalues.Of(a, n)[0];
        double estimate = SymmetricEigenvalueEstimates.SmallestEstimate(Cholesky.Factor((double[])a.Clone(), n), relativeTolerance: 1e-8, maxIterations: 500);
        Assert.InRange(estimate, exact * (1 - 1e-9), exact * 1.01);
    }

    [Fact]
    public void Smallest_estimate_of_the_second_difference_matrix_matches_the_formula()
    {
        // tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n + 1)), k = 1..n.
        const int n = 12;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0)
                a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        double expected = 2 - 2 * Math.Cos(Math.PI / (n + 1));
        double estimate = SymmetricEigenvalueEstimates.SmallestEstimate(Cholesky.Factor(a, n), relativeTolerance: 1e-12, maxIterations: 1000);
        Assert.Equal(expected, estimate, 1e-9);
    }

    /// <summary>exp(−θ‖x_i − x_j‖²) for random points in the unit square: nonnegative, SPD, moderately conditioned.</summary>
    private static double[] GaussianCorrelationMatrix(int n, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = Enumerable.Range(0, n).Select(_ => (X: random.NextDouble(), Y: random.NextDouble())).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dx = points[i].X - points[j].X, dy = points[i].Y - points[j].Y;
                a[i * n + j] = Math.Exp(-20 * (dx * dx + dy * dy));
            }
        }
        return a;
    }
}
