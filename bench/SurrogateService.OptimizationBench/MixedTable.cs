using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// Issue 13's mixed-variable goal: ei on mixedBranin (two categories, two integers, two continuous
/// inputs; minimum 4.8727), 10 scrambled-Sobol start points snapped to the variables, 60 evaluations;
/// the median best value below Optuna TPE's at the same budget (results read from a file).
/// </summary>
internal static class MixedTable
{
    private const int Initial = 10, Budget = 60;

    public static void Print(int seeds, string peerFile)
    {
        var peer = File.ReadAllLines(peerFile)
            .Select(line => line.Split(' '))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => double.Parse(p[1], CultureInfo.InvariantCulture));
        var problem = SingleObjectiveProblem.All.Single(p => p.Name == "mixedBranin");
        var ei = OptimizationStrategies.Find("ei")!;
        var sobol = SamplingMethods.Find("sobol")!;
        var scrambled = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        double minimum = problem.Minima(6)[0].Value;
        Console.WriteLine($"### mixedBranin (minimum {minimum:F4}): {Initial} start points, {Budget} evaluations, target: median best below Optuna TPE's");
        Console.WriteLine();
        Console.WriteLine("| seed | ei: best | its point | Optuna TPE: best | ei time (s) |");
        Console.WriteLine("|---:|---:|---|---:|---:|");
        var ours = new List<double>();
        var theirs = new List<double>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var settings = RunSettings.For(ei, Initial, Budget, (ulong)seed) with { InitialOptions = scrambled, Variables = problem.Variables(6) };
            var clock = Stopwatch.StartNew();
            var run = OptimizationRun.Minimize(problem.Evaluate, problem.Domain(6), settings);
            double seconds = clock.Elapsed.TotalSeconds;
            double best = run.Best!.Value;
            double optuna = peer.GetValueOrDefault(seed, double.NaN);
            ours.Add(best);
            theirs.Add(optuna);
            string point = string.Join(", ", run.Best.Point.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));
            Console.WriteLine($"| {seed} | {best:F4} | ({point}) | {optuna:F4} | {seconds:F1} |");
        }
        double ourMedian = Median(ours), theirMedian = Median(theirs);
        Console.WriteLine($"| **median** | **{ourMedian:F4}** | | **{theirMedian:F4}** | |");
        Console.WriteLine();
        Console.WriteLine($"Goal: median best below Optuna TPE's: {(ourMedian < theirMedian ? "met" : "NOT met")}.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
