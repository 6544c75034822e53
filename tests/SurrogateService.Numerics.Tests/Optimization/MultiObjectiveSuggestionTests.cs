using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Optimization;

public class MultiObjectiveSuggestionTests
{
    private static readonly Zdt1 Zdt = new();

    public static TheoryData<string> Strategies => new("ehvi", "parego");

    private static double[] Objectives(ReadOnlySpan<double> x)
    {
        var f = new double[2];
        Zdt.Evaluate(x, f, []);
        return f;
    }

    /// <summary>A scrambled Sobol' plan on ZDT1 in 3 dimensions with its two objectives.</summary>
    private static (Box Box, PointSet Points, double[][] Objectives) Plan(int count, ulong seed = 1)
    {
        var box = Zdt.Domain(3);
        var points = OptimizationTestData.ScrambledSobol(box, count, seed);
        var objectives = Enumerable.Range(0, count).Select(i => Objectives(points[i])).ToArray();
        return (box, points, objectives);
    }

    private static SuggestionRequest Request(string strategy, Box box, PointSet points, double[][] objectives, int batchSize = 1,
        ulong seed = 0, OptimizerState? state = null, double[]? reference = null)
    {
        var s = OptimizationTestData.Strategy(strategy);
        return SuggestionRequest.WithObjectives(box, points, objectives, batchSize, seed, state, new OptionValues(s.Options, null), s.DefaultSurrogate, reference);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void The_front_is_the_non_dominated_set_of_the_successful_points_with_its_hypervolume(string strategy)
    {
        var (box, points, objectives) = Plan(14);
        objectives[3] = [double.NaN, 1];
        var suggestion = OptimizationTestData.Strategy(strategy).Suggest(Request(strategy, box, points, objectives, batchSize: 2));
        var front = suggestion.ParetoFront!;
        var successful = objectives.Where(row => !Array.Exists(row, double.IsNaN)).ToArray();

        Assert.Null(suggestion.Incumbent);
        Assert.NotEmpty(front.Values);
        // No successful point dominates a front point; every successful point is dominated by or equal to one.
        Assert.All(front.Values, f => Assert.DoesNotContain(successful, o => ParetoDominance.Dominates(o, f)));
        Assert.All(successful, o => Assert.Contains(front.Values, f => ParetoDominance.Dominates(f, o) || f.SequenceEqual(o)));
        Assert.DoesNotContain(front.Values, f => double.IsNaN(f[0]));
        for (int i = 0; i < front.Points.Count; i++)
            Assert.Equal(Objectives(front.Points[i]), front.Values[i]);
        Assert.True(front.ReferencePointDerived);
        Assert.Equal(ReferencePoint.Derive(front.Values), front.ReferencePoint);
        Assert.Equal(Hypervolume.Of(front.Values, front.ReferencePoint), front.Hypervolume, 12);
        Assert.True(front.Hypervolume > 0);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_batch_stays_in_the_box_keeps_the_distance_rule_and_repeats_for_a_seed(string strategy)
    {
        var (box, points, objectives) = Plan(12);
        var request = Request(strategy, box, points, objectives, batchSize: 3, seed: 9);
        var first = OptimizationTestData.Strategy(strategy).Suggest(request);
        var again = OptimizationTestData.Strategy(strategy).Suggest(request);
        double tolerance = OptimizationTestData.Tolerance(box);

        Assert.Equal(first.Points.Data.ToArray(), again.Points.Data.ToArray());
        Assert.Equal(3, first.Points.Count);
        for (int j = 0; j < 3; j++)
        {
            for (int c = 0; c < 3; c++)
                Assert.InRange(first.Points[j][c], 0, 1);
            for (int i = 0; i < points.Count; i++)
                Assert.True(OptimizationTestData.Distance(first.Points[j], points[i]) >= tolerance);
            for (int k = 0; k < j; k++)
                Assert.True(OptimizationTestData.Distance(first.Points[j], first.Points[k]) >= tolerance);
            Assert.True(first.Acquisition[j] > 0);
        }
    }

    [Fact]
    public void Ehvi_state_carries_one_theta_per_objective_and_goes_round()
    {
        var (box, points, objectives) = Plan(12);
        var ehvi = OptimizationTestData.Strategy("ehvi");
        var first = ehvi.Suggest(Request("ehvi", box, points, objectives));
        var thetas = first.State.ObjectiveThetas!;
        Assert.Equal(2, thetas.Length);
        Assert.All(thetas, t => Assert.Equal(3, t.Length));
        Assert.Equal(12, first.State.ThetaPoints);
        Assert.Empty(ehvi.CheckState(first.State, 3));

        var next = PointSet.FromRows([.. points.ToRows(), first.Points[0].ToArray()]);
        var second = ehvi.Suggest(Request("ehvi", box, next, [.. objectives, Objectives(first.Points[0])], state: first.State));
        Assert.Equal(2, second.State.Iteration);
        // Fewer than refitEvery (5) new points: θ is kept as it was.
        Assert.Equal(thetas, second.State.ObjectiveThetas!);
        Assert.Equal(12, second.State.ThetaPoints);
    }

    [Fact]
    public void Parego_keeps_its_theta_until_refit_every_new_points()
    {
        var (box, points, objectives) = Plan(12);
        var parego = OptimizationTestData.Strategy("parego");
        var first = parego.Suggest(Request("parego", box, points, objectives));
        Assert.Equal(3, first.State.Theta!.Length);
        Assert.Equal(12, first.State.ThetaPoints);

        var (_, more, moreObjectives) = Plan(17);
        var kept = parego.Suggest(Request("parego", box, PointSet.FromRows(more.ToRows()[..13]), moreObjectives[..13], state: first.State));
        Assert.Equal(first.State.Theta, kept.State.Theta!);
        Assert.Equal(12, kept.State.ThetaPoints);
        var searched = parego.Suggest(Request("parego", box, more, moreObjectives, state: first.State));
        Assert.Equal(17, searched.State.ThetaPoints);
    }

    [Fact]
    public void A_state_of_the_wrong_shape_is_refused_by_field()
    {
        var ehvi = OptimizationTestData.Strategy("ehvi");
        var problems = ehvi.CheckState(new OptimizerState { Strategy = "ehvi", Iteration = 1, ObjectiveThetas = [[1, 1, 1], [1, -1]], ThetaPoints = 5 }, 3);
        Assert.Equal(["objectiveThetas[1]"], problems.Select(p => p.Field));
        Assert.Contains(OptimizationTestData.Strategy("ei").CheckState(new OptimizerState { Strategy = "ei", ObjectiveThetas = [[1]] }, 1), p => p.Field == "objectiveThetas");

        var (box, points, objectives) = Plan(12);
        var threeObjectives = new OptimizerState { Strategy = "ehvi", Iteration = 1, ObjectiveThetas = [[1, 1, 1], [1, 1, 1], [1, 1, 1]], ThetaPoints = 12 };
        var ex = Assert.Throws<OptimizationException>(() => ehvi.Suggest(Request("ehvi", box, points, objectives, state: threeObjectives)));
        Assert.Equal("state.objectiveThetas", ex.Field);
    }

    [Fact]
    public void A_reference_point_that_some_front_point_reaches_is_refused()
    {
        var (box, points, objectives) = Plan(12);
        var ex = Assert.Throws<OptimizationException>(() =>
            OptimizationTestData.Strategy("ehvi").Suggest(Request("ehvi", box, points, objectives, reference: [0.5, 20])));
        Assert.Equal("referencePoint", ex.Field);

        var given = OptimizationTestData.Strategy("ehvi").Suggest(Request("ehvi", box, points, objectives, reference: [11, 11]));
        Assert.False(given.ParetoFront!.ReferencePointDerived);
        Assert.Equal([11.0, 11.0], given.ParetoFront.ReferencePoint!);
    }

    [Fact]
    public void Objective_counts_must_suit_the_strategy()
    {
        var (box, points, objectives) = Plan(8);
        var values = objectives.Select(o => o[0]).ToArray();
        Assert.Throws<ArgumentException>(() => OptimizationTestData.Strategy("ehvi").Suggest(OptimizationTestData.Request("ehvi", box, points, values)));
        Assert.Throws<ArgumentException>(() => OptimizationTestData.Strategy("ei").Suggest(Request("ei", box, points, objectives)));
        // Ragged rows and a reference point of the wrong length.
        objectives[2] = [1];
        Assert.Throws<ArgumentException>(() => OptimizationTestData.Strategy("ehvi").Suggest(Request("ehvi", box, points, objectives)));
        var (_, _, sound) = Plan(8);
        Assert.Throws<ArgumentException>(() => OptimizationTestData.Strategy("ehvi").Suggest(Request("ehvi", box, points, sound, reference: [1, 2, 3])));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Three_objectives_and_failures_alone_give_points(string strategy)
    {
        var box = Box.Uniform(2, 0, 1);
        var points = OptimizationTestData.ScrambledSobol(box, 10, 2);
        double[][] anchors = [[0, 0], [1, 0], [0.5, 1]];
        var objectives = Enumerable.Range(0, 10)
            .Select(i => anchors.Select(a => OptimizationTestData.Distance(points[i], a)).ToArray()).ToArray();
        var suggestion = OptimizationTestData.Strategy(strategy).Suggest(Request(strategy, box, points, objectives, batchSize: 2, seed: 3));
        Assert.Equal(2, suggestion.Points.Count);
        Assert.All(suggestion.Acquisition, a => Assert.True(a > 0));
        Assert.Equal(3, suggestion.ParetoFront!.ReferencePoint!.Length);

        var failed = Enumerable.Range(0, 10).Select(_ => new[] { double.NaN, 1.0, 1.0 }).ToArray();
        var fallback = OptimizationTestData.Strategy(strategy).Suggest(Request(strategy, box, points, failed));
        Assert.True(double.IsNaN(fallback.Acquisition[0]));
        Assert.Empty(fallback.ParetoFront!.Values);
        Assert.Null(fallback.ParetoFront.ReferencePoint);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_short_run_reports_a_hypervolume_that_never_falls(string strategy)
    {
        var s = OptimizationTestData.Strategy(strategy);
        var settings = RunSettings.For(s, initialCount: 8, maxEvaluations: 14, seed: 4);
        var result = MultiObjectiveRun.Minimize((x, f) => Zdt.Evaluate(x, f, []), 2, Zdt.Domain(3), settings, [11, 11]);

        Assert.Equal(14, result.Evaluations);
        for (int i = 1; i < result.Trace.Count; i++)
            Assert.True(result.Trace[i].Hypervolume >= result.Trace[i - 1].Hypervolume);
        Assert.True(result.Trace[^1].Hypervolume > result.Trace[7].Hypervolume, "six suggestions should improve on the initial plan");
        Assert.Equal(result.Trace[^1].Hypervolume, result.Front.Hypervolume, 12);
        var all = result.Trace.Select(t => t.Values).ToArray();
        Assert.Equal(ParetoDominance.NondominatedIndices(all).Length, result.Front.Values.Length);
    }
}
