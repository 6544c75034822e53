using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class HaltonSamplingTests
{
    private static readonly HaltonSampling Halton = new();

    [Fact]
    public void One_dimension_matches_quasi_monte_carlo_jl()
    {
        // NUMERICS.md: sample(5, 0, 1) = [0.1, 0.6, 0.35, 0.85, 0.225].
        double[] actual = Column(SampleUnit(Halton, 5, 1), 0);
        double[] expected = [0.1, 0.6, 0.35, 0.85, 0.225];
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-15);
    }

    [Fact]
    public void Second_and_third_dimensions_use_bases_3_and_5()
    {
        // Radical inverses of 0..4: base 3 → 0, 1/3, 2/3, 1/9, 4/9; base 5 → 0, 1/5, 2/5, 3/5, 4/5; plus 1/10.
        var points = SampleUnit(Halton, 5, 3);
        double[] base3 = [0.1, 0.1 + 1.0 / 3, 0.1 + 2.0 / 3, 0.1 + 1.0 / 9, 0.1 + 4.0 / 9];
        double[] base5 = [0.1, 0.3, 0.5, 0.7, 0.9];
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(base3[i], points[i][1], 1e-15);
            Assert.Equal(base5[i], points[i][2], 1e-15);
        }
    }

    [Fact]
    public void The_shift_never_pushes_a_point_out_of_the_unit_interval()
    {
        // Small bases with n just below and above powers of the base are where the gap below 1 is tightest.
        foreach (int n in new[] { 1, 2, 3, 4, 7, 8, 9, 26, 27, 28, 124, 125, 126, 1000 })
        {
            var points = SampleUnit(Halton, n, 12);
            Assert.All(points.ToRows(), row => Assert.All(row, u => Assert.InRange(u, double.Epsilon, 1 - 1e-12)));
        }
    }
}
