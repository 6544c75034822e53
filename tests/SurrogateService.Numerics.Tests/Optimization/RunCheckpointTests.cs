using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Optimization.OptimizationTestData;

namespace SurrogateService.Numerics.Tests.Optimization;

/// <summary>A run resumed from any of its checkpoints ends exactly as the run that was never interrupted.</summary>
public class RunCheckpointTests
{
    [Theory]
    [InlineData("ei", 1, 0.0)]
    [InlineData("dycors", 3, 0.0)]
    [InlineData("srbf", 2, 0.3)]
    [InlineData("lcb", 1, 0.0)]
    public void Resuming_from_every_checkpoint_gives_the_uninterrupted_result_bit_for_bit(string strategy, int batchSize, double noise)
    {
        var branin = BenchmarkFunctions.Find("branin")!;
        var settings = RunSettings.For(Strategy(strategy), initialCount: 6, maxEvaluations: 20, seed: 11) with { BatchSize = batchSize, Noise = noise };
        var checkpoints = new List<RunCheckpoint>();
        var uninterrupted = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings, null, null, checkpoints.Add);

        // The initial plan, then one checkpoint per round of batchSize (the last round cut to fit).
        Assert.Equal(1 + (int)Math.Ceiling((20 - 6) / (double)batchSize), checkpoints.Count);
        Assert.Equal(Enumerable.Range(0, checkpoints.Count).Select(i => Math.Min(6 + i * batchSize, 20)), checkpoints.Select(c => c.Evaluations));
        foreach (var checkpoint in checkpoints)
        {
            int evaluated = 0;
            var resumed = OptimizationRun.Minimize(p => { evaluated++; return branin.Evaluate(p); }, branin.Domain(2), settings, null, checkpoint, null);
            Assert.Equal(Bits(uninterrupted), Bits(resumed));
            Assert.Equal(uninterrupted.Warnings, resumed.Warnings);
            // Only the evaluations after the checkpoint are made again, plus the final noise-free value at the best point.
            Assert.Equal(20 - checkpoint.Evaluations + 1, evaluated);
        }
    }

    [Fact]
    public void A_checkpoint_of_other_settings_is_refused()
    {
        var branin = BenchmarkFunctions.Find("branin")!;
        var settings = RunSettings.For(Strategy("srbf"), initialCount: 6, maxEvaluations: 10, seed: 1);
        RunCheckpoint? last = null;
        OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings, null, null, c => last = c);

        var shorter = settings with { MaxEvaluations = 8 };
        Assert.Throws<ArgumentException>(() => OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), shorter, null, last, null));
    }

    /// <summary>The trace and the recommendation as raw bits, so that −0.0 and 0.0 or NaN payloads would differ too.</summary>
    private static long[] Bits(RunResult result) =>
    [
        .. result.Trace.SelectMany(t => t.Point.Append(t.Value).Append(t.BestSoFar)).Select(BitConverter.DoubleToInt64Bits),
        .. result.Best!.Point.Append(result.Best.Value).Select(BitConverter.DoubleToInt64Bits),
        BitConverter.DoubleToInt64Bits(result.BestTrueValue ?? double.NaN),
    ];
}
