using System.Diagnostics;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// The quality goals of issue 5, each over the same seeds beside random search with the same
/// budget: per seed, the evaluation (start points included) at which the target was first reached
/// and the best value within the budget. Start plans are Owen-scrambled Sobol' with the seed.
/// </summary>
internal static class QualityTables
{
    private static readonly BenchmarkCase[] Cases =
    [
        new("branin", "ei", 10, 40, 0.3989, "f ≤ 0.3989", 9),
        new("branin", "srbf", 10, 100, 0.3989, "f ≤ 0.3989", 9),
        new("branin", "dycors", 10, 100, 0.3989, "f ≤ 0.3989", 9),
        new("hartmann6", "ei", 20, 150, -3.32237 * 0.98, "f ≤ −3.2559 (2 % of −3.32237)", 8),
    ];

    /// <param name="only">function:strategy names of the cases to run (e.g. hartmann6:ei); empty for all.</param>
    public static void Print(int seeds, IReadOnlyCollection<string> only)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()}");
        foreach (var benchmark in Cases.Where(c => only.Count == 0 || only.Contains($"{c.Function}:{c.Strategy}")))
            PrintCase(benchmark, seeds);
    }

    private static void PrintCase(BenchmarkCase benchmark, int seeds)
    {
        var function = BenchmarkFunctions.Find(benchmark.Function)!;
        var box = function.Domain(function.DefaultDimension);
        var strategy = OptimizationStrategies.Find(benchmark.Strategy)!;
        var sobol = SamplingMethods.Find("sobol")!;
        var scrambled = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });

        Console.WriteLine();
        Console.WriteLine($"### {benchmark.Function}, {benchmark.Strategy}: {benchmark.InitialPoints} scrambled-Sobol start points, budget {benchmark.Budget}, target {benchmark.TargetText}");
        Console.WriteLine();
        Console.WriteLine($"| seed | {benchmark.Strategy}: reached at | {benchmark.Strategy}: best | random: reached at | random: best | {benchmark.Strategy} time (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        int reached = 0, randomReached = 0;
        var reachedAt = new List<int>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var settings = RunSettings.For(strategy, benchmark.InitialPoints, benchmark.Budget, (ulong)seed) with { InitialOptions = scrambled };
            var clock = Stopwatch.StartNew();
            var run = OptimizationRun.Minimize(function.Evaluate, box, settings);
            double seconds = clock.Elapsed.TotalSeconds;
            int at = FirstReached(run.Trace.Select(t => t.BestSoFar).ToArray(), benchmark.Target);
            var random = RandomSearch.BestSoFar(function.Evaluate, box, benchmark.Budget, (ulong)seed);
            int randomAt = FirstReached(random, benchmark.Target);
            if (at > 0)
            {
                reached++;
                reachedAt.Add(at);
            }
            if (randomAt > 0)
                randomReached++;
            Console.WriteLine($"| {seed} | {Show(at)} | {run.Best!.Value:F5} | {Show(randomAt)} | {random[^1]:F5} | {seconds:F1} |");
        }
        string median = reachedAt.Count == 0 ? "–" : reachedAt.Order().ElementAt(reachedAt.Count / 2).ToString();
        Console.WriteLine($"| **reached** | **{reached}/{seeds}** (median {median}) | | **{randomReached}/{seeds}** | | |");
        Console.WriteLine();
        Console.WriteLine($"Goal: {benchmark.Strategy} reaches the target in at least {benchmark.RequiredSeeds} of 10 seeds: {(reached * 10 >= benchmark.RequiredSeeds * seeds ? "met" : "NOT met")}.");
    }

    /// <summary>1-based index of the first evaluation whose running best meets the target, or 0.</summary>
    private static int FirstReached(double[] bestSoFar, double target) => Array.FindIndex(bestSoFar, v => v <= target) + 1;

    private static string Show(int at) => at > 0 ? at.ToString() : "–";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
