using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class LuDecompositionTests
{
    // A zero in the top-left corner: only row pivoting gets past it.
    private static readonly double[] NeedsPivoting = [0, 2, 1, 1, 1, 1, 2, 1, 0];

    private static double[] Hilbert(int n)
    {
        var h = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                h[i * n + j] = 1.0 / (i + j + 1);
        }
        return h;
    }

    [Fact]
    public void Solves_a_system_that_needs_pivoting()
    {
        var lu = new LuDecomposition(NeedsPivoting, 3);
        var x = new double[3];
        lu.Solve([-1, 2, 0], x); // A·[1, −2, 3]
        Assert.Equal([1, -2, 3], x.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Solves_with_the_transpose()
    {
        var lu = new LuDecomposition(NeedsPivoting, 3);
        var x = new double[3];
        lu.SolveTransposed([4, 3, -1], x); // Aᵀ·[1, −2, 3]
        Assert.Equal([1, -2, 3], x.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Inverse_diagonal_of_the_3x3_Hilbert_matrix_is_9_192_180()
    {
        var diagonal = new LuDecomposition(Hilbert(3), 3).InverseDiagonal(3);
        Assert.Equal(9, diagonal[0], 1e-9);
        Assert.Equal(192, diagonal[1], 1e-8);
        Assert.Equal(180, diagonal[2], 1e-8);
    }

    [Fact]
    public void Condition_estimate_of_the_4x4_Hilbert_matrix_is_its_known_value()
    {
        // κ₁(H₄) = ‖H₄‖₁·‖H₄⁻¹‖₁ = 25/12 · 13620 = 28375.
        double estimate = new LuDecomposition(Hilbert(4), 4).EstimateConditionNumber();
        Assert.Equal(28375, estimate, 28375 * 1e-9);
    }

    [Fact]
    public void Condition_estimate_is_a_tight_lower_bound_of_the_exact_value_for_random_matrices()
    {
        var random = new DeterministicRandom(5);
        const int n = 30;
        var a = Enumerable.Range(0, n * n).Select(_ => random.NextGaussian()).ToArray();
        var lu = new LuDecomposition(a, n);
        double normOfInverse = 0;
        var unit = new double[n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            lu.Solve(unit, column);
            unit[j] = 0;
            normOfInverse = Math.Max(normOfInverse, column.Sum(Math.Abs));
        }
        double normOfA = Enumerable.Range(0, n).Max(j => Enumerable.Range(0, n).Sum(i => Math.Abs(a[i * n + j])));
        double exact = normOfA * normOfInverse;
        double estimate = lu.EstimateConditionNumber();
        Assert.InRange(estimate, exact / 3, exact * (1 + 1e-9));
    }

    [Fact]
    public void Singular_matrix_is_reported_and_refuses_to_solve()
    {
        var lu = new LuDecomposition([1, 2, 2, 4], 2);
        Assert.True(lu.IsSingular);
        Assert.Equal(double.PositiveInfinity, lu.EstimateConditionNumber());
        Assert.Throws<InvalidOperationException>(() => lu.Solve([1, 1], new double[2]));
    }
}
