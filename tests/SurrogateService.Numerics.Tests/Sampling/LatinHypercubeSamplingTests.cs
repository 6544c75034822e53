using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class LatinHypercubeSamplingTests
{
    private static readonly LatinHypercubeSampling Lhs = new();

    [Theory]
    [InlineData("centred", 0)]
    [InlineData("random", 0)]
    [InlineData("centred", 500)]
    [InlineData("random", 500)]
    public void Each_dimension_has_exactly_one_point_per_stratum(string jitter, int maximinIterations)
    {
        const int n = 37;
        var points = SampleUnit(Lhs, n, 4, seed: 5, ("jitter", jitter), ("maximinIterations", maximinIterations));
        for (int j = 0; j < 4; j++)
        {
            var strata = Column(points, j).Select(u => (int)Math.Floor(u * n)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }
    }

    [Fact]
    public void Centred_points_sit_at_stratum_centres_and_jittered_ones_do_not()
    {
        const int n = 20;
        var centred = SampleUnit(Lhs, n, 3, seed: 1);
        Assert.All(centred.ToRows(), row => Assert.All(row, u => Assert.Equal(0.5, u * n - Math.Floor(u * n), 1e-9)));
        var jittered = SampleUnit(Lhs, n, 3, seed: 1, ("jitter", "random"));
        Assert.Contains(jittered.ToRows().SelectMany(row => row), u => Math.Abs(u * n - Math.Floor(u * n) - 0.5) > 0.01);
    }

    [Fact]
    public void Maximin_does_not_decrease_the_minimum_distance_and_usually_increases_it()
    {
        int improved = 0;
        for (ulong seed = 0; seed < 10; seed++)
        {
            double before = MinimumDistance(SampleUnit(Lhs, 30, 3, seed));
            double after = MinimumDistance(SampleUnit(Lhs, 30, 3, seed, ("maximinIterations", 2000)));
            Assert.True(after >= before, $"seed {seed}: {after} < {before}");
            if (after > before)
                improved++;
        }
        Assert.True(improved >= 8, $"only {improved} of 10 designs improved");
    }

    [Fact]
    public void The_same_seed_gives_the_same_design_and_another_seed_another()
    {
        (string, object) maximin = ("maximinIterations", 100);
        var box = new Box([-1, 2], [3, 9]);
        var a = Lhs.Sample(25, box, OptionsFor(Lhs, maximin), 3).ToRows();
        var b = Lhs.Sample(25, box, OptionsFor(Lhs, maximin), 3).ToRows();
        var c = Lhs.Sample(25, box, OptionsFor(Lhs, maximin), 4).ToRows();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Permutations_differ_between_dimensions()
    {
        var points = SampleUnit(Lhs, 50, 3, seed: 9);
        Assert.NotEqual(Column(points, 0), Column(points, 1));
        Assert.NotEqual(Column(points, 1), Column(points, 2));
    }
}
