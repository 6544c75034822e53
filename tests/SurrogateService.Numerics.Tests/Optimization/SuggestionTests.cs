using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using static SurrogateService.Numerics.Tests.Optimization.OptimizationTestData;

namespace SurrogateService.Numerics.Tests.Optimization;

public class SuggestionTests
{
    public static TheoryData<string> Strategies => new(StrategyNames);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_batch_lies_in_the_box_away_from_the_data_and_from_itself(string strategy)
    {
        var (box, points, values) = Evaluated("branin", 12);
        var suggestion = Strategy(strategy).Suggest(Request(strategy, box, points, values, batchSize: 5));

        Assert.Equal(5, suggestion.Points.Count);
        Assert.Equal(5, suggestion.Acquisition.Length);
        double tolerance = Tolerance(box);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(box.Contains(suggestion.Points[i]), $"Point {i} is outside the box.");
            for (int k = 0; k < points.Count; k++)
                Assert.True(Distance(suggestion.Points[i], points[k]) >= tolerance, $"Point {i} is within the tolerance of known point {k}.");
            for (int k = 0; k < i; k++)
                Assert.True(Distance(suggestion.Points[i], suggestion.Points[k]) >= tolerance, $"Points {k} and {i} of the batch coincide.");
        }
        Assert.Equal(values.Min(), suggestion.Incumbent!.Value);
        Assert.Empty(suggestion.Warnings);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void The_same_request_gives_the_same_points_and_another_seed_other_points(string strategy)
    {
        var (box, points, values) = Evaluated("branin", 10);
        var s = Strategy(strategy);
        var first = s.Suggest(Request(strategy, box, points, values, batchSize: 2, seed: 5));
        var again = s.Suggest(Request(strategy, box, points, values, batchSize: 2, seed: 5));
        var other = s.Suggest(Request(strategy, box, points, values, batchSize: 2, seed: 6));

        Assert.Equal(first.Points.Data.ToArray(), again.Points.Data.ToArray());
        Assert.Equal(first.Acquisition, again.Acquisition);
        Assert.Equal(first.State, again.State with { Theta = first.State.Theta });
        Assert.Equal(first.State.Theta, again.State.Theta);
        Assert.NotEqual(first.Points.Data.ToArray(), other.Points.Data.ToArray());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Failed_evaluations_are_left_out_of_the_fit_and_kept_at_a_distance(string strategy)
    {
        var (box, points, values) = Evaluated("branin", 14);
        values[2] = double.NaN;
        values[7] = double.NaN;
        var suggestion = Strategy(strategy).Suggest(Request(strategy, box, points, values, batchSize: 3));

        var successful = values.Where(double.IsFinite).ToArray();
        Assert.Equal(successful.Min(), suggestion.Incumbent!.Value);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(box.Contains(suggestion.Points[i]));
            Assert.True(Distance(suggestion.Points[i], points[2]) >= Tolerance(box));
            Assert.True(Distance(suggestion.Points[i], points[7]) >= Tolerance(box));
        }
    }

    [Fact]
    public void A_failed_point_repels_the_acquisition_maximum()
    {
        // f = (x − 0.3)²: EI's maximum is close to 0.3. A failure right there, with a radius of 0.1,
        // must push the suggestion out of the failed point's neighbourhood.
        var box = new Box([0], [1]);
        double[] xs = [0, 0.15, 0.45, 0.6, 1];
        var values = xs.Select(x => (x - 0.3) * (x - 0.3)).ToArray();
        var points = new PointSet(xs, xs.Length, 1);
        var free = Strategy("ei").Suggest(Request("ei", box, points, values));
        Assert.InRange(free.Points[0][0], 0.2, 0.4);

        var withFailure = new PointSet([.. xs, 0.3], xs.Length + 1, 1);
        var repelled = Strategy("ei").Suggest(Request("ei", box, withFailure, [.. values, double.NaN],
            options: new Dictionary<string, object> { [StrategyOptions.FailureRadius] = 0.1 }));
        Assert.True(Math.Abs(repelled.Points[0][0] - 0.3) > 0.05, $"Suggested {repelled.Points[0][0]}, next to the failed point 0.3.");
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void With_no_successful_evaluation_it_suggests_space_filling_points(string strategy)
    {
        var (box, points, _) = Evaluated("branin", 4);
        var values = new double[4];
        Array.Fill(values, double.NaN);
        var suggestion = Strategy(strategy).Suggest(Request(strategy, box, points, values, batchSize: 2));

        Assert.Null(suggestion.Incumbent);
        Assert.Contains(suggestion.Warnings, w => w.Contains("space-filling", StringComparison.Ordinal));
        Assert.All(suggestion.Acquisition, a => Assert.True(double.IsNaN(a)));
        for (int i = 0; i < 2; i++)
            Assert.True(box.Contains(suggestion.Points[i]));
    }

    [Fact]
    public void A_surrogate_that_cannot_be_fitted_falls_back_to_heuristic_kriging()
    {
        // A cubic RBF with a linear tail needs d + 1 = 4 points in 3-D; two are all there is.
        var (box, points, values) = Evaluated("hartmann3", 2);
        var suggestion = Strategy("srbf").Suggest(Request("srbf", box, points, values));

        Assert.Contains(suggestion.Warnings, w => w.Contains("heuristic", StringComparison.Ordinal));
        Assert.True(box.Contains(suggestion.Points[0]));
        Assert.False(double.IsNaN(suggestion.Acquisition[0]));
    }

    [Fact]
    public void Repeated_points_are_merged_instead_of_breaking_the_fit()
    {
        var (box, points, values) = Evaluated("branin", 8);
        var doubled = new PointSet([.. points.Data.ToArray(), .. points[3].ToArray()], 9, 2);
        var suggestion = Strategy("ei").Suggest(Request("ei", box, doubled, [.. values, values[3] + 1]));

        Assert.Contains(suggestion.Warnings, w => w.Contains("merged", StringComparison.Ordinal));
        Assert.DoesNotContain(suggestion.Warnings, w => w.Contains("could not be fitted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_saturated_box_is_reported_as_the_minimum_distance()
    {
        // Known points every 0.1 in [0, 1] with a minimum distance of 0.1: no point is free.
        var box = new Box([0], [1]);
        var xs = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        var request = Request("srbf", box, new PointSet(xs, 11, 1), xs.Select(x => x * x).ToArray(),
            options: new Dictionary<string, object> { [StrategyOptions.MinDistance] = 0.1 });

        var error = Assert.Throws<OptimizationException>(() => Strategy("srbf").Suggest(request));
        Assert.Equal("options.minDistance", error.Field);
    }

    [Theory]
    [InlineData("min")]
    [InlineData("mean")]
    [InlineData("max")]
    [InlineData("believer")]
    public void Every_liar_gives_distinct_batch_points(string liar)
    {
        var (box, points, values) = Evaluated("branin", 10);
        var suggestion = Strategy("lcb").Suggest(Request("lcb", box, points, values, batchSize: 4,
            options: new Dictionary<string, object> { [StrategyOptions.Liar] = liar }));
        for (int i = 0; i < 4; i++)
        {
            for (int k = 0; k < i; k++)
                Assert.True(Distance(suggestion.Points[i], suggestion.Points[k]) >= Tolerance(box));
        }
    }

    [Fact]
    public void Ei_keeps_theta_until_enough_new_points_have_arrived()
    {
        var (box, points, values) = Evaluated("branin", 16);
        PointSet First(int n) => new(points.Data[..(2 * n)].ToArray(), n, 2);
        var ei = Strategy("ei");
        var first = ei.Suggest(Request("ei", box, First(10), values[..10]));
        Assert.Equal(1, first.State.Iteration);
        Assert.Equal(10, first.State.ThetaPoints);
        Assert.Equal(2, first.State.Theta!.Length);
        Assert.All(first.State.Theta, t => Assert.True(t > 0));

        // Four new points (fewer than refitEvery = 5): θ is kept as it was.
        var kept = ei.Suggest(Request("ei", box, First(14), values[..14], state: first.State));
        Assert.Equal(first.State.Theta, kept.State.Theta);
        Assert.Equal(10, kept.State.ThetaPoints);

        // Six new points: the likelihood is searched again.
        var searched = ei.Suggest(Request("ei", box, First(16), values, state: first.State));
        Assert.Equal(16, searched.State.ThetaPoints);
        Assert.NotEqual(first.State.Theta, searched.State.Theta);
    }
}
