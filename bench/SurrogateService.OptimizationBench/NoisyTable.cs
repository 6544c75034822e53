using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// Issue 13's noisy goal: a run of ei on Branin observed with noise σ = 1, 10 scrambled-Sobol start
/// points, 60 evaluations; the true value of the recommended point ≤ 0.45 in at least 8 of 10 seeds.
/// The run's Kriging fits the noise (noise 'fit', which runs with noise choose by default), so ei is
/// augmented EI and the recommendation is the evaluated point of best posterior mean. Optuna TPE's
/// recommendation (its best observed trial; results read from a file) beside it.
/// </summary>
internal static class NoisyTable
{
    private const double Target = 0.45;

    public static void Print(int seeds, string peerFile)
    {
        var peer = File.ReadAllLines(peerFile)
            .Select(line => line.Split(' '))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => double.Parse(p[1], CultureInfo.InvariantCulture));
        var branin = new Branin();
        var ei = OptimizationStrategies.Find("ei")!;
        var sobol = SamplingMethods.Find("sobol")!;
        var scrambled = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        Console.WriteLine($"### branin with noise σ = 1: 10 start points, 60 evaluations, target: true value of the recommendation ≤ {Target}");
        Console.WriteLine();
        Console.WriteLine("| seed | ei: posterior mean | observed there | true value | ≤ 0.45 | Optuna TPE: true value | ≤ 0.45 | ei time (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---|---:|---|---:|");
        int ours = 0, theirs = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            var settings = RunSettings.For(ei, 10, 60, (ulong)seed) with { InitialOptions = scrambled, Noise = 1 };
            var clock = Stopwatch.StartNew();
            var run = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings);
            double seconds = clock.Elapsed.TotalSeconds;
            double truth = run.BestTrueValue ?? double.NaN;
            double optuna = peer.GetValueOrDefault(seed, double.NaN);
            ours += truth <= Target ? 1 : 0;
            theirs += optuna <= Target ? 1 : 0;
            Console.WriteLine($"| {seed} | {run.Best!.Value:F4} | {run.Best.ObservedValue ?? double.NaN:F4} | {truth:F4} | {(truth <= Target ? "yes" : "no")} | {optuna:F4} | {(optuna <= Target ? "yes" : "no")} | {seconds:F1} |");
        }
        Console.WriteLine($"| **≤ 0.45** | | | | **{ours}/{seeds}** | | **{theirs}/{seeds}** | |");
        Console.WriteLine();
        Console.WriteLine($"Goal: at least 8 of 10 seeds: {(ours * 10 >= 8 * seeds ? "met" : "NOT met")}.");
    }
}
