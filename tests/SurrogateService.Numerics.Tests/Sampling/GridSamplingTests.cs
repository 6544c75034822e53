using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class GridSamplingTests
{
    private static readonly GridSampling Grid = new();

    [Fact]
    public void Automatic_grid_spans_the_box_with_the_bounds_in_lexicographic_order()
    {
        double[][] points = Sample(Grid, 10, [-5, 0], [10, 15]).ToRows();
        double[][] expected =
        [
            [-5, 0], [-5, 7.5], [-5, 15],
            [2.5, 0], [2.5, 7.5], [2.5, 15],
            [10, 0], [10, 7.5], [10, 15],
        ];
        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 1, 7)]
    [InlineData(8, 2, 4)]
    [InlineData(9, 2, 9)]
    [InlineData(26, 3, 8)]
    [InlineData(27, 3, 27)]
    [InlineData(64, 3, 64)]
    [InlineData(1000, 3, 1000)]
    [InlineData(3, 2, 1)]
    [InlineData(100, 10, 1)]
    [InlineData(1024, 10, 1024)]
    public void Automatic_grid_has_the_largest_power_not_above_count(int count, int dimension, int expected)
    {
        Assert.Equal(expected, SampleUnit(Grid, count, dimension).Count);
    }

    [Fact]
    public void A_single_level_is_the_centre_of_the_box()
    {
        Assert.Equal([[2.5, 5]], Sample(Grid, 3, [0, 0], [5, 10]).ToRows());
    }

    [Fact]
    public void Explicit_points_per_dimension_must_fit_in_count()
    {
        var points = SampleUnit(Grid, 20, 2, given: ("pointsPerDimension", 4));
        Assert.Equal(16, points.Count);
        Assert.Equal([0, 1.0 / 3, 2.0 / 3, 1], Column(points, 1)[..4]);
        Assert.Equal(16, points.ToRows().Select(row => (row[0], row[1])).Distinct().Count());
        Assert.Throws<ArgumentException>(() => SampleUnit(Grid, 15, 2, given: ("pointsPerDimension", 4)));
        Assert.Throws<ArgumentException>(() => SampleUnit(Grid, 1000, 40, given: ("pointsPerDimension", 2)));
    }
}
