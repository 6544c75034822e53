using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class SobolSamplingTests
{
    private static readonly SobolSampling Sobol = new();

    // Reference values: NUMERICS.md (Surrogates.jl's SobolSample).
    [Fact]
    public void Default_sequence_matches_surrogates_jl_in_1d()
    {
        Assert.Equal([3.75, 8.75, 6.25, 1.25, 1.875], Column(Sample(Sobol, 5, [0], [10]), 0));
        Assert.Equal(
            [0.9375, 3.4375, 4.6875, 2.1875, 1.5625, 4.0625, 2.8125, 0.3125, 0.46875, 2.96875],
            Column(Sample(Sobol, 10, [0], [5]), 0));
    }

    [Fact]
    public void Default_sequence_matches_surrogates_jl_in_2d()
    {
        double[][] expected =
        [
            [-2.1875, 4.6875], [5.3125, 12.1875], [9.0625, 0.9375], [1.5625, 8.4375],
            [-0.3125, 2.8125], [7.1875, 10.3125], [3.4375, 6.5625], [-4.0625, 14.0625],
        ];
        Assert.Equal(expected, Sample(Sobol, 8, [-5, 0], [10, 15]).ToRows());
    }

    [Fact]
    public void Default_sequence_matches_surrogates_jl_in_3d()
    {
        double[][] expected =
        [
            [1.875, 2.8125, 6.625], [4.375, 6.5625, 2.125], [3.125, 0.9375, 8.875],
            [0.625, 4.6875, 4.375], [0.9375, 2.34375, 9.4375],
        ];
        Assert.Equal(expected, Sample(Sobol, 5, [0, 0, 1], [5, 7.5, 10]).ToRows());
    }

    [Fact]
    public void Plain_sequence_starts_with_the_zero_point_and_skip_zero_after_it()
    {
        double[][] plain = SampleUnit(Sobol, 4, 2, given: ("sequence", "plain")).ToRows();
        Assert.Equal([[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]], plain);
        double[][] skipZero = SampleUnit(Sobol, 3, 2, given: ("sequence", "skipZero")).ToRows();
        Assert.Equal(plain[1..], skipZero);
    }

    // Reference values: scipy.stats.qmc.Sobol(d, scramble=False), an independent implementation.
    [Fact]
    public void Dimension_1111_matches_scipy()
    {
        var points = SampleUnit(Sobol, 16, 1111, given: ("sequence", "plain"));
        Assert.Equal(
            [0.0, 0.5, 0.75, 0.25, 0.875, 0.375, 0.125, 0.625, 0.3125, 0.8125, 0.5625, 0.0625, 0.6875, 0.1875, 0.4375, 0.9375],
            Column(points, 1110));
        Assert.Equal(
            [0.0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.4375, 0.9375, 0.1875, 0.6875, 0.8125, 0.3125, 0.5625, 0.0625],
            Column(points, 499));
    }

    [Fact]
    public void The_last_tabulated_dimension_matches_scipy_and_one_more_is_rejected()
    {
        Assert.Equal(21201, SobolSampling.MaxDimension);
        var points = SampleUnit(Sobol, 8, 21201, given: ("sequence", "plain"));
        Assert.Equal([0.0, 0.5, 0.75, 0.25, 0.625, 0.125, 0.375, 0.875], Column(points, 21200));
        Assert.Throws<ArgumentException>(() => SampleUnit(Sobol, 8, 21202));
    }

    [Fact]
    public void Points_far_into_the_sequence_match_scipy()
    {
        // 1000 points by the default rule start at index 512, so row 488 is index 1000.
        var points = SampleUnit(Sobol, 1000, 7);
        Assert.Equal([0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375], points[488].ToArray());
        Assert.Equal([0.9697265625, 0.3466796875, 0.7685546875, 0.9267578125, 0.5302734375, 0.1572265625, 0.2958984375], points[490].ToArray());
    }

    [Fact]
    public void Jumping_to_the_first_index_equals_generating_from_zero()
    {
        var plain = SampleUnit(Sobol, 1512, 10, given: ("sequence", "plain")).ToRows();
        var jumped = SampleUnit(Sobol, 1000, 10).ToRows();
        Assert.Equal(plain[512..], jumped);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Every_power_of_two_block_of_the_plain_sequence_is_stratified(int dimension)
    {
        const int m = 10;
        var points = SampleUnit(Sobol, 1 << m, dimension, given: ("sequence", "plain"));
        for (int j = 0; j < dimension; j++)
        {
            double[] column = Column(points, j);
            for (int k = 0; k <= m; k++)
            {
                for (int start = 0; start < column.Length; start += 1 << k)
                    Assert.True(OnePerInterval(column, start, k), $"dimension {j}, block of 2^{k} at {start}");
            }
        }
        Assert.True(IsZeroNet(points, 0, 1, m));
    }

    [Fact]
    public void Scrambled_points_stay_stratified_and_differ_from_the_unscrambled_ones()
    {
        const int m = 10;
        var plain = SampleUnit(Sobol, 1 << m, 5, given: ("sequence", "plain"));
        var scrambled = SampleUnit(Sobol, 1 << m, 5, seed: 42, ("sequence", "plain"), ("scramble", true));
        for (int j = 0; j < 5; j++)
        {
            double[] column = Column(scrambled, j);
            for (int k = 0; k <= m; k++)
                Assert.True(OnePerInterval(column, 0, k), $"dimension {j}, first 2^{k} points");
        }
        Assert.True(IsZeroNet(scrambled, 0, 1, m));
        Assert.NotEqual(plain.ToRows(), scrambled.ToRows());
        Assert.DoesNotContain(scrambled.ToRows(), row => row.All(x => x == 0));
    }

    [Fact]
    public void Scrambling_is_deterministic_for_a_seed()
    {
        (string, object) scramble = ("scramble", true);
        var a = SampleUnit(Sobol, 64, 3, seed: 7, scramble).ToRows();
        var b = SampleUnit(Sobol, 64, 3, seed: 7, scramble).ToRows();
        var c = SampleUnit(Sobol, 64, 3, seed: 8, scramble).ToRows();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(SampleUnit(Sobol, 64, 3, seed: 7).ToRows(), SampleUnit(Sobol, 64, 3, seed: 8).ToRows());
    }

    [Fact]
    public void Mean_of_1024_points_in_5d_is_one_half()
    {
        var points = SampleUnit(Sobol, 1024, 5);
        for (int j = 0; j < 5; j++)
            Assert.Equal(0.5, Column(points, j).Average(), 1e-3);
    }

    [Fact]
    public void Unknown_sequence_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Sobol.Sample(4, Box.Uniform(2, 0, 1), OptionsFor(Sobol, ("sequence", "reverse")), 0));
    }
}
