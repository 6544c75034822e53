using SurrogateService.Numerics.LinearAlgebra;

namespace SurrogateService.Numerics.Tests.LinearAlgebra;

public class QrDecompositionTests
{
    // Columns 1 and x for x = 0, 1, 2, 3.
    private static readonly double[] LineDesign = [1, 0, 1, 1, 1, 2, 1, 3];

    [Fact]
    public void Least_squares_line_matches_the_normal_equations()
    {
        // y = 1, 3, 2, 5: slope Sxy/Sxx = 5.5/5 = 1.1, intercept 2.75 − 1.1·1.5 = 1.1.
        var coefficients = new QrDecomposition(LineDesign, 4, 2).LeastSquares([1, 3, 2, 5]);
        Assert.Equal(1.1, coefficients[0], 1e-12);
        Assert.Equal(1.1, coefficients[1], 1e-12);
    }

    [Fact]
    public void Leverages_of_a_line_fit_are_one_over_n_plus_the_centred_square_over_Sxx()
    {
        // h_i = 1/4 + (x_i − 1.5)²/5.
        var leverages = new QrDecomposition(LineDesign, 4, 2).Leverages();
        double[] expected = [0.7, 0.3, 0.3, 0.7];
        for (int i = 0; i < 4; i++)
            Assert.Equal(expected[i], leverages[i], 1e-12);
    }

    [Fact]
    public void Square_system_is_solved_exactly()
    {
        var x = new QrDecomposition([0, 2, 1, 1, 1, 1, 2, 1, 0], 3, 3).LeastSquares([-1, 2, 0]);
        Assert.Equal(1, x[0], 1e-12);
        Assert.Equal(-2, x[1], 1e-12);
        Assert.Equal(3, x[2], 1e-12);
    }

    [Fact]
    public void A_column_that_is_a_multiple_of_another_is_found()
    {
        // Columns 1, x, 2x.
        var qr = new QrDecomposition([1, 0, 0, 1, 1, 2, 1, 2, 4, 1, 3, 6], 4, 3);
        Assert.False(qr.IsFullRank);
        Assert.Equal(2, qr.FirstDependentColumn);
        Assert.Throws<InvalidOperationException>(() => qr.LeastSquares([1, 2, 3, 4]));
    }

    [Fact]
    public void A_zero_column_is_dependent()
    {
        var qr = new QrDecomposition([1, 0, 1, 0, 1, 0], 3, 2);
        Assert.Equal(1, qr.FirstDependentColumn);
    }

    [Fact]
    public void Rank_test_is_relative_so_a_tiny_but_independent_column_counts()
    {
        var qr = new QrDecomposition([1, 0, 1, 1e-9, 1, 2e-9, 1, 3e-9], 4, 2);
        Assert.True(qr.IsFullRank);
        var coefficients = qr.LeastSquares([1, 1 + 2e-9, 1 + 4e-9, 1 + 6e-9]);
        Assert.Equal(2, coefficients[1], 1e-6);
    }
}
