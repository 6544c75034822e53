using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

/// <summary>
/// The blocked forward substitution for a block of right-hand sides (the Kriging standard errors' kernel)
/// against the plain one-vector forward substitution, and the invariance that keeps cached and rebuilt
/// models identical: a right-hand side gets the same bits wherever it sits in a block.
/// </summary>
public class ManyRightHandSidesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 8)]
    [InlineData(6, 13)]
    [InlineData(7, 64)]
    [InlineData(241, 3)]
    [InlineData(500, 67)]
    public void Blocked_solve_matches_one_column_at_a_time(int n, int columns)
    {
        // n = 241 and 500 cross the blocked solve's chunks of 240 rows and leave rows outside its groups of six.
        var factor = Cholesky.Factor(CholeskyTests.RandomSpd(n, seed: (ulong)(n + columns)), n);
        var block = RandomBlock(n, columns, seed: 3);
        var solved = (double[])block.Clone();

        factor.ForwardSubstitute(solved, columns);

        for (int c = 0; c < columns; c++)
        {
            var expected = Column(block, n, columns, c);
            factor.ForwardSubstitute(expected);
            double scale = expected.Max(Math.Abs);
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(solved[i * columns + c] - expected[i]) <= 1e-12 * scale, $"row {i}, column {c}: {solved[i * columns + c]:R} against {expected[i]:R}");
        }
    }

    [Fact]
    public void Blocked_solve_satisfies_the_triangular_system()
    {
        const int n = 300, columns = 24;
        var factor = Cholesky.Factor(CholeskyTests.RandomSpd(n, seed: 11), n);
        var block = RandomBlock(n, columns, seed: 4);
        var z = (double[])block.Clone();
        factor.ForwardSubstitute(z, columns);
        ReadOnlySpan<double> l = factor.Lower;
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < n; i++)
            {
                double lz = 0;
                for (int k = 0; k <= i; k++)
                    lz += l[i * n + k] * z[k * columns + c];
                Assert.Equal(block[i * columns + c], lz, 1e-11);
            }
        }
    }

    [Fact]
    public void A_right_hand_side_gets_the_same_bits_in_any_position_and_any_block()
    {
        const int n = 257;
        var factor = Cholesky.Factor(CholeskyTests.RandomSpd(n, seed: 12), n);
        var rightHandSide = RandomBlock(n, 1, seed: 5);
        var alone = (double[])rightHandSide.Clone();
        factor.ForwardSubstitute(alone, 1);
        // Columns 2 and 40 of 64 go through the register strips, column 66 of 67 through the scalar loop.
        foreach (var (columns, position) in new[] { (64, 2), (64, 40), (67, 66), (9, 8) })
        {
            var block = RandomBlock(n, columns, seed: 6);
            for (int i = 0; i < n; i++)
                block[i * columns + position] = rightHandSide[i];
            factor.ForwardSubstitute(block, columns);
            Assert.Equal(alone, Column(block, n, columns, position));
        }
    }

    private static double[] RandomBlock(int n, int columns, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        return Enumerable.Range(0, n * columns).Select(_ => random.NextGaussian()).ToArray();
    }

    private static double[] Column(double[] block, int n, int columns, int c) =>
        Enumerable.Range(0, n).Select(i => block[i * columns + c]).ToArray();
}
