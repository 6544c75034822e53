using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Optimization.OptimizationTestData;

namespace SurrogateService.Numerics.Tests.Optimization;

public class OptimizationRunTests
{
    [Fact]
    public void Ei_on_the_reference_parabola_reaches_its_minimum()
    {
        // NUMERICS.md: f(x) = (x + 1)² − x + 2 on [−5, 5], 5 Sobol' start points (Surrogates.jl's
        // sequence), EI reaches |x − (−0.5)| < 0.5.
        var settings = RunSettings.For(Strategy("ei"), initialCount: 5, maxEvaluations: 12, seed: 0);
        var result = OptimizationRun.Minimize(x => (x[0] + 1) * (x[0] + 1) - x[0] + 2, new Box([-5], [5]), settings);

        Assert.InRange(result.Best!.Point[0], -1, 0);
        Assert.Equal(new[] { 3.75, 8.75, 6.25, 1.25, 1.875 }.Select(u => u - 5), result.Trace.Take(5).Select(t => t.Point[0]));
    }

    [Theory]
    [InlineData("ei", 40)]
    [InlineData("srbf", 100)]
    [InlineData("dycors", 100)]
    public void Branin_is_solved_to_a_thousandth_within_the_budget(string strategy, int budget)
    {
        var branin = BenchmarkFunctions.Find("branin")!;
        var settings = RunSettings.For(Strategy(strategy), initialCount: 10, maxEvaluations: budget, seed: 0)
            with { InitialOptions = ScrambledSobolOptions() };
        var result = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings);

        Assert.Equal(budget, result.Evaluations);
        Assert.InRange(result.Best!.Value, 0.397887, 0.3989);
    }

    [Fact]
    public void A_noisy_run_observes_noise_of_the_given_size_and_reports_the_true_value_at_its_best_point()
    {
        var sphere = BenchmarkFunctions.Find("sphere")!;
        var settings = RunSettings.For(Strategy("srbf"), initialCount: 10, maxEvaluations: 60, seed: 4) with { Noise = 0.5 };
        var result = OptimizationRun.Minimize(sphere.Evaluate, sphere.Domain(2), settings);

        var residuals = result.Trace.Select(t => t.Value - sphere.Evaluate(t.Point)).ToArray();
        double mean = residuals.Average();
        double sd = Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / (residuals.Length - 1));
        // 60 draws of N(0, 0.5²): the sample σ lies within ±30 % and the mean within ±0.2 with room to spare.
        Assert.InRange(sd, 0.35, 0.65);
        Assert.InRange(mean, -0.2, 0.2);
        Assert.Equal(sphere.Evaluate(result.Best!.Point), result.BestTrueValue!.Value, 12);
        Assert.NotEqual(result.Best.Value, result.BestTrueValue.Value);
        Assert.Equal(result.Trace.Select(t => t.Value), OptimizationRun.Minimize(sphere.Evaluate, sphere.Domain(2), settings).Trace.Select(t => t.Value));
    }

    [Fact]
    public void Without_noise_the_true_value_is_the_observed_best()
    {
        var sphere = BenchmarkFunctions.Find("sphere")!;
        var result = OptimizationRun.Minimize(sphere.Evaluate, sphere.Domain(2), RunSettings.For(Strategy("srbf"), 5, 12, 1));
        Assert.Equal(result.Best!.Value, result.BestTrueValue);
    }

    [Fact]
    public void The_budget_is_spent_exactly_when_batches_do_not_divide_it()
    {
        var sphere = BenchmarkFunctions.Find("sphere")!;
        var settings = RunSettings.For(Strategy("srbf"), initialCount: 5, maxEvaluations: 20, seed: 3) with { BatchSize = 4 };
        var result = OptimizationRun.Minimize(sphere.Evaluate, sphere.Domain(3), settings);
        Assert.Equal(20, result.Evaluations);
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("dycors")]
    public void The_trace_records_every_evaluation_and_the_running_best(string strategy)
    {
        var hartmann = BenchmarkFunctions.Find("hartmann3")!;
        var settings = RunSettings.For(Strategy(strategy), initialCount: 6, maxEvaluations: 14, seed: 2) with { BatchSize = 2 };
        var result = OptimizationRun.Minimize(hartmann.Evaluate, hartmann.Domain(3), settings);

        double running = double.PositiveInfinity;
        foreach (var entry in result.Trace)
        {
            Assert.Equal(hartmann.Evaluate(entry.Point), entry.Value);
            running = Math.Min(running, entry.Value);
            Assert.Equal(running, entry.BestSoFar);
        }
        Assert.Equal(running, result.Best!.Value);
        Assert.Equal(result.Best.Value, hartmann.Evaluate(result.Best.Point));
    }

    [Fact]
    public void A_function_that_fails_in_a_region_still_yields_a_best_point()
    {
        // NaN for x1 > 0.5: about half the box fails; the run must go on and never report a failure as best.
        var sphere = BenchmarkFunctions.Find("sphere")!;
        double Objective(ReadOnlySpan<double> x) => x[0] > 0.5 ? double.NaN : sphere.Evaluate(x);
        var settings = RunSettings.For(Strategy("ei"), initialCount: 6, maxEvaluations: 16, seed: 4);
        var result = OptimizationRun.Minimize(Objective, sphere.Domain(2), settings);

        Assert.Equal(16, result.Evaluations);
        Assert.Contains(result.Trace, t => double.IsNaN(t.Value));
        Assert.True(double.IsFinite(result.Best!.Value));
        Assert.True(result.Best.Point[0] <= 0.5);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        var sphere = BenchmarkFunctions.Find("sphere")!;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var settings = RunSettings.For(Strategy("srbf"), initialCount: 5, maxEvaluations: 50, seed: 0);
        Assert.ThrowsAny<OperationCanceledException>(() => OptimizationRun.Minimize(sphere.Evaluate, sphere.Domain(2), settings, cancellation.Token));
    }

    [Fact]
    public void A_run_is_reproducible()
    {
        var branin = BenchmarkFunctions.Find("branin")!;
        var settings = RunSettings.For(Strategy("lcb"), initialCount: 6, maxEvaluations: 10, seed: 9) with
        {
            InitialMethod = SamplingMethods.Find("latinHypercube")!,
            InitialOptions = OptionValues.Defaults(SamplingMethods.Find("latinHypercube")!.Options),
        };
        var first = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings);
        var second = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings);
        Assert.Equal(first.Trace.SelectMany(t => t.Point), second.Trace.SelectMany(t => t.Point));
    }
}
