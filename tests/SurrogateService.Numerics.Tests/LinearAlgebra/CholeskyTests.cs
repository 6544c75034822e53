using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class CholeskyTests
{
    // The classic worked example: A = L·Lᵀ with L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]] (check by multiplying out).
    private static readonly double[] HandChecked = [4, 12, -16, 12, 37, -43, -16, -43, 98];

    [Fact]
    public void Factors_the_hand_checked_3x3()
    {
        var factor = Cholesky.Factor((double[])HandChecked.Clone(), 3);
        Assert.Equal([2.0, 0, 0, 6, 1, 0, -8, 5, 3], factor.Lower.ToArray());
        Assert.Equal(2 * Math.Log(2 * 1 * 3), factor.LogDeterminant(), 1e-14);
    }

    [Fact]
    public void Solves_the_hand_checked_3x3()
    {
        // A·[1, −1, 2]ᵀ = [4 − 12 − 32, 12 − 37 − 86, −16 + 43 + 196] = [−40, −111, 223].
        var factor = Cholesky.Factor((double[])HandChecked.Clone(), 3);
        double[] x = [-40, -111, 223];
        factor.Solve(x);
        Assert.Equal(1, x[0], 1e-12);
        Assert.Equal(-1, x[1], 1e-12);
        Assert.Equal(2, x[2], 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(123)]
    public void Random_SPD_systems_have_small_residuals(int n)
    {
        var a = RandomSpd(n, seed: (ulong)n);
        var random = new DeterministicRandom(99);
        var b = Enumerable.Range(0, n).Select(_ => random.NextGaussian()).ToArray();
        var x = (double[])b.Clone();
        Cholesky.Factor((double[])a.Clone(), n).Solve(x);
        Assert.True(RelativeResidual(a, n, x, b) < 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(37)]
    public void Many_right_hand_sides_match_one_at_a_time(int columns)
    {
        const int n = 30;
        var a = RandomSpd(n, seed: 5);
        var factor = Cholesky.Factor((double[])a.Clone(), n);
        var random = new DeterministicRandom(8);
        var block = Enumerable.Range(0, n * columns).Select(_ => random.NextGaussian()).ToArray();
        var solved = (double[])block.Clone();
        factor.Solve(solved, columns);
        for (int c = 0; c < columns; c++)
        {
            var b = Enumerable.Range(0, n).Select(i => block[i * columns + c]).ToArray();
            var x = Enumerable.Range(0, n).Select(i => solved[i * columns + c]).ToArray();
            Assert.True(RelativeResidual(a, n, x, b) < 1e-12);
        }
    }

    [Fact]
    public void Forward_substitution_gives_the_quadratic_form()
    {
        const int n = 20;
        var a = RandomSpd(n, seed: 3);
        var factor = Cholesky.Factor((double[])a.Clone(), n);
        var b = Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray();
        var z = (double[])b.Clone();
        factor.ForwardSubstitute(z);
        var x = (double[])b.Clone();
        factor.Solve(x);
        Assert.Equal(b.Zip(x, (p, q) => p * q).Sum(), z.Sum(v => v * v), 1e-10);
    }

    [Fact]
    public void Inverse_diagonal_and_log_determinant_match_the_eigenvalues()
    {
        // For A = (1 − ρ)I + ρ11ᵀ: eigenvalues 1 − ρ (n − 1 times) and 1 + (n − 1)ρ, and by
        // Sherman–Morrison (A⁻¹)_ii = (1 + (n − 2)ρ) / ((1 − ρ)(1 + (n − 1)ρ)).
        const int n = 6;
        const double rho = 0.3;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                a[i * n + j] = i == j ? 1 : rho;
        }
        var factor = Cholesky.Factor(a, n);
        var diagonal = new double[n];
        factor.InverseDiagonal(diagonal);
        double expected = (1 + (n - 2) * rho) / ((1 - rho) * (1 + (n - 1) * rho));
        Assert.All(diagonal, d => Assert.Equal(expected, d, 1e-13));
        Assert.Equal((n - 1) * Math.Log(1 - rho) + Math.Log(1 + (n - 1) * rho), factor.LogDeterminant(), 1e-13);
    }

    [Fact]
    public void Indefinite_and_semidefinite_matrices_are_refused()
    {
        Assert.False(Cholesky.TryFactor([1, 2, 2, 1], 2, out var indefinite));
        Assert.Null(indefinite);
        Assert.False(Cholesky.TryFactor([1, 1, 1, 1], 2, out _));
        Assert.False(Cholesky.TryFactor([double.NaN, 0, 0, 1], 2, out _));
        Assert.Throws<ArgumentException>(() => Cholesky.Factor([0.0], 1));
    }

    /// <summary>BᵀB + n·I with Gaussian B: symmetric positive definite and reasonably conditioned.</summary>
    internal static double[] RandomSpd(int n, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => random.NextGaussian()).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? n : 0;
                for (int k = 0; k < n; k++)
                    sum += b[k * n + i] * b[k * n + j];
                a[i * n + j] = sum;
            }
        }
        return a;
    }

    private static double RelativeResidual(double[] a, int n, double[] x, double[] b)
    {
        double residual = 0, scale = 0;
        for (int i = 0; i < n; i++)
        {
            double ax = 0;
            for (int j = 0; j < n; j++)
                ax += a[i * n + j] * x[j];
            residual = Math.Max(residual, Math.Abs(ax - b[i]));
            scale = Math.Max(scale, Math.Abs(b[i]));
        }
        return residual / scale;
    }
}
