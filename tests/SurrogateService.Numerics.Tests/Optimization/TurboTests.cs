using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Optimization;

/// <summary>TuRBO-1: the trust region's rules, its candidates, Thompson sampling's covariance, and whole campaigns.</summary>
public class TurboTests
{
    private static readonly IOptimizationStrategy Turbo = OptimizationStrategies.Find("turbo")!;

    [Theory]
    [InlineData(20, 5, 4)]
    [InlineData(100, 5, 20)]
    [InlineData(2, 1, 4)]
    [InlineData(3, 4, 1)]
    public void The_failure_tolerance_is_the_paper_s(int dimension, int batch, int expected) =>
        Assert.Equal(expected, TrustRegionState.FailureTolerance(dimension, batch));

    [Fact]
    public void Three_successes_double_the_region_and_tolerance_failures_halve_it_until_it_collapses()
    {
        var region = TrustRegionState.Fresh(0);
        for (int k = 0; k < 3; k++)
            region = region.After(previousBest: 10 - k, currentBest: 9 - k, dimension: 20, batchSize: 5, pointCount: 50, out _);
        Assert.Equal(1.6, region.Length);
        Assert.Equal(0, region.Successes);
        // 20-D, batches of 5: four failed batches halve L; an improvement of less than 10⁻³·|best| is a failure.
        int halvings = 0;
        bool restarted = false;
        while (!restarted)
        {
            double before = region.Length;
            for (int k = 0; k < 4 && !restarted; k++)
                region = region.After(5, 5 - 1e-4, 20, 5, 80, out restarted);
            if (!restarted)
            {
                Assert.Equal(before / 2, region.Length);
                halvings++;
            }
        }
        // 1.6 → below 0.5⁷ takes 8 halvings; the eighth is the restart.
        Assert.Equal(7, halvings);
        Assert.Equal(TrustRegionState.Fresh(80), region);
    }

    [Fact]
    public void Candidates_stay_in_the_region_and_perturb_about_twenty_coordinates_of_the_centre()
    {
        var box = Box.Uniform(100, -1, 3);
        var centre = Enumerable.Range(0, 100).Select(l => l / 50.0).ToArray();
        var scales = Enumerable.Range(0, 100).Select(l => 1 + l % 3).Select(v => (double)v).ToArray();
        var region = TrustRegionCandidates.Region(box, centre, scales, 0.4);
        var candidates = TrustRegionCandidates.Draw(region, centre, 2000, new DeterministicRandom(3));
        double moved = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            int changed = 0;
            for (int l = 0; l < 100; l++)
            {
                Assert.InRange(candidates[i][l], region.Lower[l], region.Upper[l]);
                if (candidates[i][l] != centre[l])
                    changed++;
            }
            Assert.True(changed >= 1);
            moved += changed;
        }
        Assert.InRange(moved / candidates.Count, 18, 22);
        // Edges ∝ length-scales with geometric mean 1: an input with ℓ = 3 gets a box 3 times wider than one with ℓ = 1 (away from the bounds).
        Assert.Equal(3 * (region.Upper[51] - region.Lower[51]), region.Upper[53] - region.Lower[53], 1e-9);
    }

    [Fact]
    public void The_posterior_covariance_has_the_squared_standard_errors_on_its_diagonal_and_is_symmetric()
    {
        var box = Box.Uniform(3, 0, 1);
        var random = new DeterministicRandom(5);
        var points = new PointSet(25, 3);
        var values = new double[25];
        for (int i = 0; i < 25; i++)
        {
            for (int l = 0; l < 3; l++)
                points[i][l] = random.NextDouble();
            values[i] = Math.Sin(3 * points[i][0]) + points[i][1] * points[i][2];
        }
        var kind = new KrigingKind();
        var model = (KrigingModel)kind.Fit(new TrainingSet(points, values, box), new OptionValues(kind.Options, null));
        var queries = new PointSet(7, 3);
        for (int i = 0; i < 7; i++)
        {
            for (int l = 0; l < 3; l++)
                queries[i][l] = random.NextDouble();
        }
        var covariance = model.PosteriorCovariance(queries);
        var errors = new double[7];
        model.StandardError(queries, errors);
        for (int a = 0; a < 7; a++)
        {
            Assert.Equal(errors[a] * errors[a], covariance[a * 7 + a], 1e-9 * Math.Max(1, model.ProcessVariance));
            for (int b = 0; b < 7; b++)
                Assert.Equal(covariance[a * 7 + b], covariance[b * 7 + a], 1e-12 * model.ProcessVariance);
        }
    }

    [Fact]
    public void A_campaign_on_a_twelve_dimensional_sphere_beats_random_search_by_far_and_carries_its_state()
    {
        var box = Box.Uniform(12, -5, 10);
        double Sphere(double[] x) => x.Sum(v => (v - 1) * (v - 1));
        var random = new DeterministicRandom(7);
        var points = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 12).Select(_ => -5 + 15 * random.NextDouble()).ToArray()).ToList();
        var values = points.Select(Sphere).ToList();
        OptimizerState? state = null;
        while (points.Count < 100)
        {
            var suggestion = Turbo.Suggest(Request(box, points, values, 5, state));
            Assert.Equal("turbo", suggestion.State.Strategy);
            Assert.Equal(12, suggestion.State.Theta!.Length);
            for (int i = 0; i < suggestion.Points.Count; i++)
            {
                var point = suggestion.Points[i].ToArray();
                Assert.All(point, (v, l) => Assert.InRange(v, box.Lower[l], box.Upper[l]));
                points.Add(point);
                values.Add(Sphere(point));
            }
            state = suggestion.State;
        }
        // Random search with the same budget, on the same sphere: the reference turbo must beat by a factor of five.
        var uniform = new DeterministicRandom(8);
        double randomBest = Enumerable.Range(0, 100).Min(_ => Sphere(Enumerable.Range(0, 12).Select(_ => -5 + 15 * uniform.NextDouble()).ToArray()));
        Assert.True(values.Min() < 0.2 * randomBest, $"turbo {values.Min()} vs random {randomBest}");
    }

    [Fact]
    public void The_same_request_gives_the_same_batch()
    {
        var box = Box.Uniform(6, 0, 1);
        var random = new DeterministicRandom(2);
        var points = Enumerable.Range(0, 15).Select(_ => Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray()).ToList();
        var values = points.Select(p => p.Sum(v => v * v)).ToList();
        var first = Turbo.Suggest(Request(box, points, values, 3, null));
        var again = Turbo.Suggest(Request(box, points, values, 3, null));
        Assert.Equal(first.Points.Data.ToArray(), again.Points.Data.ToArray());
    }

    [Fact]
    public void A_collapsed_region_restarts_with_space_filling_points_and_a_new_run()
    {
        var box = Box.Uniform(4, 0, 1);
        var random = new DeterministicRandom(4);
        var points = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray()).ToList();
        var values = points.Select(p => p.Sum()).ToList();
        // L at its minimum with one failure short of the tolerance (⌈max(4/2, 4/2)⌉ = 2), and a best the data do not beat.
        var state = new OptimizerState
        {
            Strategy = "turbo", Iteration = 9, BestValue = values.Min(), StepSize = TrustRegionState.MinLength, Successes = 0, Failures = 1, InitialPoints = 0,
        };
        var suggestion = Turbo.Suggest(Request(box, points, values, 2, state));
        Assert.Equal(30, suggestion.State.InitialPoints);
        Assert.Equal(TrustRegionState.InitialLength, suggestion.State.StepSize);
        Assert.Contains(suggestion.Warnings, w => w.Contains("collapsed", StringComparison.Ordinal));
        Assert.True(double.IsNaN(suggestion.Acquisition[0]), "the new run's first points are space-filling");
    }

    [Fact]
    public void A_state_of_another_strategy_or_dimension_is_refused_naming_the_field()
    {
        var ei = new OptimizerState { Strategy = "ei", Iteration = 1, Theta = [1.0, 1.0], ThetaPoints = 5 };
        Assert.Contains(Turbo.CheckState(ei, 2), p => p.Field == "strategy");
        var turbo = new OptimizerState { Strategy = "turbo", Iteration = 1, StepSize = 0.8, Successes = 0, Failures = 0, InitialPoints = 0, Theta = [1.0, 1.0, 1.0], ThetaPoints = 5 };
        Assert.Contains(Turbo.CheckState(turbo, 2), p => p.Field == "theta");
        Assert.Contains(Turbo.CheckStatePoints(turbo with { InitialPoints = 40 }, 30), p => p.Field == "initialPoints");
        Assert.Empty(Turbo.CheckState(turbo, 3));
    }

    [Fact]
    public void Integer_variables_are_refused()
    {
        var box = Box.Uniform(2, 0, 4);
        var points = new List<double[]> { new[] { 0.0, 1 }, new[] { 2.0, 3 }, new[] { 4.0, 0 } };
        var request = Request(box, points, [1, 2, 3], 1, null) with { Variables = [DesignVariable.Integer, DesignVariable.Continuous] };
        Assert.Throws<ArgumentException>(() => Turbo.Suggest(request));
        Assert.False(Turbo.SupportsDiscreteVariables);
    }

    private static SuggestionRequest Request(Box box, List<double[]> points, List<double> values, int batch, OptimizerState? state) =>
        new(box, PointSet.FromRows(points), [.. values], batch, 11, state, new OptionValues(Turbo.Options, null), Turbo.DefaultSurrogate);
}
