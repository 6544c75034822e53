using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Optimization;

public class ConstrainedSuggestionTests
{
    private static readonly GramacyConstrainedToy Toy = new();

    private static (double Value, double[] Constraints) Evaluate(ReadOnlySpan<double> x)
    {
        var objective = new double[1];
        var constraints = new double[2];
        Toy.Evaluate(x, objective, constraints);
        return (objective[0], constraints);
    }

    private static SuggestionRequest Request(PointSet points, double[] values, double[][] constraints, ulong seed = 0, OptimizerState? state = null)
    {
        var ei = OptimizationTestData.Strategy("ei");
        return new SuggestionRequest(Toy.Domain(2), points, values, 1, seed, state, new OptionValues(ei.Options, null), ei.DefaultSurrogate, constraints);
    }

    private static (PointSet Points, double[] Values, double[][] Constraints) Plan(int count, ulong seed)
    {
        var points = OptimizationTestData.ScrambledSobol(Toy.Domain(2), count, seed);
        var values = new double[count];
        var constraints = new double[count][];
        for (int i = 0; i < count; i++)
            (values[i], constraints[i]) = Evaluate(points[i]);
        return (points, values, constraints);
    }

    [Fact]
    public void The_incumbent_is_the_best_feasible_point_and_every_point_is_flagged()
    {
        // (0, 0) has the lowest value but violates c1; (0.9, 0.9) and (0.2, 0.45) are feasible.
        var points = new PointSet([0, 0, 0.9, 0.9, 0.2, 0.45, 0.5, 0.5, 0.7, 0.1], 5, 2);
        double[] values = [0, 1.8, 0.65, 1.0, 0.8];
        double[][] constraints = [[1.5, -1.5], [-0.2, -0.1], [-0.05, -1.3], [double.NaN, -1], [0.3, -1]];
        var suggestion = OptimizationTestData.Strategy("ei").Suggest(Request(points, values, constraints));

        Assert.Equal([false, true, true, false, false], suggestion.Feasible!);
        Assert.Equal([0.2, 0.45], suggestion.Incumbent!.Point);
        Assert.Equal(0.65, suggestion.State.BestValue);
    }

    [Fact]
    public void Before_any_feasible_point_it_reports_the_probability_of_feasibility()
    {
        // Points near the origin, all violating c1 (x1 + 2x2 < 1).
        var points = new PointSet([0.05, 0.05, 0.2, 0.1, 0.1, 0.25, 0.3, 0.05, 0.02, 0.3, 0.25, 0.2], 6, 2);
        var values = new double[6];
        var constraints = new double[6][];
        for (int i = 0; i < 6; i++)
            (values[i], constraints[i]) = Evaluate(points[i]);
        Assert.All(constraints, c => Assert.True(c[0] > 0));

        var suggestion = OptimizationTestData.Strategy("ei").Suggest(Request(points, values, constraints));

        Assert.Null(suggestion.Incumbent);
        Assert.InRange(suggestion.Acquisition[0], 0, 1);
        // It heads away from the infeasible corner: the suggestion is more likely feasible than the data.
        var (_, c) = Evaluate(suggestion.Points[0]);
        double x1 = suggestion.Points[0][0], x2 = suggestion.Points[0][1];
        Assert.True(x1 + 2 * x2 > 0.6, $"suggested ({x1}, {x2}) with c1 = {c[0]}");
    }

    [Fact]
    public void Only_strategies_that_take_constraints_accept_them()
    {
        var (points, values, constraints) = Plan(6, 3);
        var srbf = OptimizationTestData.Strategy("srbf");
        var request = new SuggestionRequest(Toy.Domain(2), points, values, 1, 0, null, new OptionValues(srbf.Options, null), srbf.DefaultSurrogate, constraints);
        Assert.False(srbf.SupportsConstraints);
        Assert.Throws<ArgumentException>(() => srbf.Suggest(request));
        Assert.True(OptimizationTestData.Strategy("ei").SupportsConstraints);
    }

    [Fact]
    public void Ask_tell_on_the_gramacy_toy_approaches_the_best_known_feasible_value()
    {
        var (points, values, constraints) = Plan(10, 7);
        var allPoints = Enumerable.Range(0, 10).Select(i => points[i].ToArray()).ToList();
        var allValues = values.ToList();
        var allConstraints = constraints.ToList();
        OptimizerState? state = null;
        for (int round = 0; round < 25; round++)
        {
            var request = Request(new PointSet(allPoints.SelectMany(p => p).ToArray(), allPoints.Count, 2),
                [.. allValues], [.. allConstraints], seed: 11, state: state);
            var suggestion = OptimizationTestData.Strategy("ei").Suggest(request);
            state = suggestion.State;
            var x = suggestion.Points[0].ToArray();
            var (value, c) = Evaluate(x);
            allPoints.Add(x);
            allValues.Add(value);
            allConstraints.Add(c);
        }
        double bestFeasible = Enumerable.Range(0, allValues.Count)
            .Where(i => allConstraints[i].All(c => c <= 0))
            .Min(i => allValues[i]);
        // 35 evaluations; the goal (1 % in 8 of 10 seeds at 40) is checked by the bench script.
        Assert.InRange(bestFeasible, 0.5998 - 1e-3, 0.5998 * 1.03);
    }
}
