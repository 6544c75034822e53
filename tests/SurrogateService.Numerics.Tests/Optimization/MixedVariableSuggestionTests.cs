using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Optimization;

public class MixedVariableSuggestionTests
{
    // A continuous coordinate in [0, 1], an integer in −2..3, a category of three levels, one of two.
    private static readonly Box MixedBox = new([0, -2, 0, 0], [1, 3, 2, 1]);

    private static readonly DesignVariable[] MixedVariables =
    [
        DesignVariable.Continuous,
        DesignVariable.Integer,
        DesignVariable.Categorical("steel", "aluminium", "titanium"),
        DesignVariable.Categorical("no", "yes"),
    ];

    private static readonly double[] LevelEffect = [1.0, 0.0, 2.0];

    private static double Objective(ReadOnlySpan<double> x) =>
        (x[0] - 0.3) * (x[0] - 0.3) + 0.1 * (x[1] - 1) * (x[1] - 1) + LevelEffect[(int)x[2]] + 0.5 * x[3];

    /// <summary>Valid mixed points drawn directly (not by the code under test).</summary>
    private static (PointSet Points, double[] Values) Known(int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = new PointSet(count, 4);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            var p = points[i];
            p[0] = random.NextDouble();
            p[1] = random.NextInt(6) - 2;
            p[2] = random.NextInt(3);
            p[3] = random.NextInt(2);
            values[i] = Objective(p);
        }
        return (points, values);
    }

    private static SuggestionRequest Request(string strategy, PointSet points, double[] values, int batch, ulong seed, OptimizerState? state = null)
    {
        var s = OptimizationTestData.Strategy(strategy);
        return new SuggestionRequest(MixedBox, points, values, batch, seed, state, new OptionValues(s.Options, null), s.DefaultSurrogate, Variables: MixedVariables);
    }

    private static void AssertAdmissible(ReadOnlySpan<double> point)
    {
        Assert.InRange(point[0], 0, 1);
        for (int j = 1; j < 4; j++)
        {
            Assert.True(MixedVariables[j].Admits(point[j]), $"coordinate {j} = {point[j]} is not a valid {MixedVariables[j].Kind} value");
            Assert.InRange(point[j], MixedBox.Lower[j], MixedBox.Upper[j]);
            Assert.False(double.IsNegative(point[j]) && point[j] == 0, $"coordinate {j} is −0");
        }
    }

    /// <summary>Two mixed points are distinct enough when a discrete coordinate differs or the continuous one moved by τ.</summary>
    private static bool KeepsDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double tolerance) =>
        a[1] != b[1] || a[2] != b[2] || a[3] != b[3] || Math.Abs(a[0] - b[0]) >= tolerance;

    public static TheoryData<string, int, int> Cases()
    {
        var data = new TheoryData<string, int, int>();
        foreach (string strategy in OptimizationTestData.StrategyNames)
        {
            foreach (int known in new[] { 1, 12 })
                data.Add(strategy, known, 3);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Suggestions_are_integers_and_level_indices_and_keep_the_distance_rule_over_seeds(string strategy, int knownCount, int batch)
    {
        double tolerance = OptimizationTestData.Tolerance(MixedBox);
        for (ulong seed = 0; seed < 6; seed++)
        {
            var (points, values) = Known(knownCount, seed);
            var suggestion = OptimizationTestData.Strategy(strategy).Suggest(Request(strategy, points, values, batch, seed));

            Assert.Equal(batch, suggestion.Points.Count);
            for (int i = 0; i < batch; i++)
            {
                AssertAdmissible(suggestion.Points[i]);
                for (int k = 0; k < points.Count; k++)
                    Assert.True(KeepsDistance(suggestion.Points[i], points[k], tolerance), $"seed {seed}: suggestion {i} repeats known point {k}");
                for (int k = 0; k < i; k++)
                    Assert.True(KeepsDistance(suggestion.Points[i], suggestion.Points[k], tolerance), $"seed {seed}: suggestions {k} and {i} coincide");
            }
        }
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("srbf")]
    public void In_an_all_discrete_space_the_only_unevaluated_point_is_suggested_and_a_full_one_is_saturated(string strategy)
    {
        // An integer 0..2 and a category of two levels: six designs, five of them evaluated.
        var box = new Box([0, 0], [2, 1]);
        DesignVariable[] variables = [DesignVariable.Integer, DesignVariable.Categorical("a", "b")];
        var all = new PointSet([0, 0, 0, 1, 1, 0, 1, 1, 2, 0, 2, 1], 6, 2);
        double[] values = [3, 1, 2, 0.5, 4, 2.5];
        var s = OptimizationTestData.Strategy(strategy);
        SuggestionRequest Ask(int known) => new(box, all.Slice(0, known), values[..known], 1, 7, null, new OptionValues(s.Options, null), s.DefaultSurrogate, Variables: variables);

        var suggestion = s.Suggest(Ask(5));
        Assert.Equal([2.0, 1.0], suggestion.Points[0].ToArray());

        var error = Assert.Throws<OptimizationException>(() => s.Suggest(Ask(6)));
        Assert.Equal("options.minDistance", error.Field);
    }

    [Fact]
    public void Ei_on_the_mixed_function_finds_the_best_level_and_integer()
    {
        // The minimum: x0 = 0.3, x1 = 1, level "aluminium" (index 1), "no" (index 0); value 0.
        var (points, values) = Known(12, 3);
        var list = Enumerable.Range(0, points.Count).Select(i => points[i].ToArray()).ToList();
        var valueList = values.ToList();
        OptimizerState? state = null;
        for (int round = 0; round < 15; round++)
        {
            var suggestion = OptimizationTestData.Strategy("ei").Suggest(Request("ei", PointSet.FromRows(list), [.. valueList], 1, 11, state));
            state = suggestion.State;
            list.Add(suggestion.Points[0].ToArray());
            valueList.Add(Objective(suggestion.Points[0]));
        }
        int best = valueList.IndexOf(valueList.Min());
        Assert.Equal([1.0, 1.0, 0.0], list[best][1..]);
        Assert.InRange(valueList[best], 0, 0.01);
    }

    [Fact]
    public void One_hot_levels_are_equally_far_apart_whatever_their_indices()
    {
        var space = new VariableSpace(MixedBox, MixedVariables);
        Assert.Equal(6, space.EncodedDimension);
        var levels = new PointSet([0.5, 1, 0, 1, 0.5, 1, 1, 1, 0.5, 1, 2, 1], 3, 4);
        var encoded = space.Encode(levels);
        double d01 = OptimizationTestData.Distance(encoded[0], encoded[1]);
        double d02 = OptimizationTestData.Distance(encoded[0], encoded[2]);
        double d12 = OptimizationTestData.Distance(encoded[1], encoded[2]);
        Assert.Equal(Math.Sqrt(2), d01, 12);
        Assert.Equal(d01, d02, 12);
        Assert.Equal(d01, d12, 12);
    }

    // With θ 'fit' the likelihood is the same function of permuted θ, but its search stops at a step of
    // 0.1 % in θ (KrigingHyperparameterSearch), so predictions agree to that order, not to rounding.
    [Theory]
    [InlineData("heuristic", 1e-9)]
    [InlineData("fit", 1e-4)]
    public void Relabelling_the_levels_leaves_the_fitted_surrogate_unchanged(string theta, double relativeTolerance)
    {
        var (points, values) = Known(16, 5);
        var renamed = Relabelled(points);
        var choice = SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["theta"] = theta });
        var (original, _) = SurrogateFitter.Fit(new TrainingSet(points, values, MixedBox), choice, null, true, [], new VariableSpace(MixedBox, MixedVariables), default);
        var (relabelled, _) = SurrogateFitter.Fit(new TrainingSet(renamed, values, MixedBox), choice, null, true, [], new VariableSpace(MixedBox, MixedVariables), default);

        var (probes, _) = Known(40, 99);
        var renamedProbes = Relabelled(probes);
        var expected = new double[probes.Count];
        var actual = new double[probes.Count];
        original!.Predict(probes, expected);
        relabelled!.Predict(renamedProbes, actual);
        for (int i = 0; i < probes.Count; i++)
            Assert.Equal(expected[i], actual[i], relativeTolerance * (1 + Math.Abs(expected[i])));
    }

    /// <summary>The same designs with the three levels renamed (0→2, 1→0, 2→1) and the two swapped (0↔1).</summary>
    private static PointSet Relabelled(PointSet points)
    {
        int[] rename3 = [2, 0, 1];
        var renamed = new PointSet(points.Count, 4);
        for (int i = 0; i < points.Count; i++)
        {
            points[i].CopyTo(renamed[i]);
            renamed[i][2] = rename3[(int)points[i][2]];
            renamed[i][3] = 1 - points[i][3];
        }
        return renamed;
    }

    [Fact]
    public void The_state_round_trips_with_one_theta_per_encoded_coordinate()
    {
        var (points, values) = Known(12, 8);
        var ei = OptimizationTestData.Strategy("ei");
        var first = ei.Suggest(Request("ei", points, values, 1, 1));
        Assert.Equal(6, first.State.Theta!.Length);
        var second = ei.Suggest(Request("ei", points, values, 1, 1, first.State));
        Assert.Equal(first.State.Theta, second.State.Theta);

        var designLength = first.State with { Theta = [1, 1, 1, 1] };
        Assert.Throws<ArgumentException>(() => ei.Suggest(Request("ei", points, values, 1, 1, designLength)));
    }

    [Fact]
    public void A_run_of_mixed_branin_evaluates_only_admissible_designs()
    {
        var problem = SingleObjectiveProblem.All.Single(p => p.Name == "mixedBranin");
        var settings = RunSettings.For(OptimizationTestData.Strategy("ei"), 8, 20, 4) with { Variables = problem.Variables(6) };
        // The problem's own Evaluate throws on a coordinate that is not an integer or a level index.
        var run = OptimizationRun.Minimize(problem.Evaluate, problem.Domain(6), settings);

        Assert.Equal(20, run.Evaluations);
        Assert.All(run.Trace, t => Assert.True(double.IsFinite(t.Value)));
        Assert.Equal(run.Trace.Min(t => t.Value), run.Best!.Value);
    }
}
