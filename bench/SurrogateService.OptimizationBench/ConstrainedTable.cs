using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// Issue 13's constrained goal: on Gramacy et al.'s toy problem, ask–tell ei with constraints from 10
/// scrambled-Sobol start points to 40 evaluations reaches a best feasible value within 1 % of 0.5998 in
/// at least 8 of 10 seeds; Optuna TPE with its constraints function (results read from a file) beside it.
/// </summary>
internal static class ConstrainedTable
{
    private const int StartPoints = 10;
    private const int Budget = 40;
    private const double BestKnown = 0.5998;

    public static void Print(int seeds, string peerFile)
    {
        var peer = File.ReadAllLines(peerFile)
            .Select(line => line.Split(' '))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Console.WriteLine($"### gramacyToy: {StartPoints} start points, {Budget} evaluations, target best feasible ≤ {BestKnown * 1.01:F5} (1 % of {BestKnown})");
        Console.WriteLine();
        Console.WriteLine("| seed | ei: best feasible | ei within 1 % | Optuna TPE: best feasible | TPE within 1 % | ei time (s) |");
        Console.WriteLine("|---:|---:|---|---:|---|---:|");
        int ours = 0, theirs = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            var clock = Stopwatch.StartNew();
            double best = Run((ulong)seed);
            double seconds = clock.Elapsed.TotalSeconds;
            double optuna = peer.GetValueOrDefault(seed, double.NaN);
            bool ok = best <= BestKnown * 1.01, peerOk = optuna <= BestKnown * 1.01;
            ours += ok ? 1 : 0;
            theirs += peerOk ? 1 : 0;
            Console.WriteLine($"| {seed} | {best:F5} | {(ok ? "yes" : "no")} | {optuna:F5} | {(peerOk ? "yes" : "no")} | {seconds:F1} |");
        }
        Console.WriteLine($"| **within 1 %** | | **{ours}/{seeds}** | | **{theirs}/{seeds}** | |");
        Console.WriteLine();
        Console.WriteLine($"Goal: ei within 1 % in at least 8 of 10 seeds: {(ours * 10 >= 8 * seeds ? "met" : "NOT met")}.");
    }

    /// <summary>The best feasible value of one seeded ask–tell run (+∞ when none was feasible).</summary>
    private static double Run(ulong seed)
    {
        var problem = new GramacyConstrainedToy();
        var box = problem.Domain(2);
        var ei = OptimizationStrategies.Find("ei")!;
        var sobol = SamplingMethods.Find("sobol")!;
        var start = sobol.Sample(StartPoints, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true }), seed);
        var points = new List<double[]>();
        var values = new List<double>();
        var constraints = new List<double[]>();
        void Evaluate(double[] x)
        {
            var f = new double[1];
            var c = new double[2];
            problem.Evaluate(x, f, c);
            points.Add(x);
            values.Add(f[0]);
            constraints.Add(c);
        }
        for (int i = 0; i < StartPoints; i++)
            Evaluate(start[i].ToArray());
        OptimizerState? state = null;
        while (points.Count < Budget)
        {
            var request = new SuggestionRequest(box, new PointSet(points.SelectMany(p => p).ToArray(), points.Count, 2), [.. values],
                1, seed, state, new OptionValues(ei.Options, null), ei.DefaultSurrogate, [.. constraints]);
            var suggestion = ei.Suggest(request);
            state = suggestion.State;
            Evaluate(suggestion.Points[0].ToArray());
        }
        return Enumerable.Range(0, values.Count).Where(i => constraints[i].All(c => c <= 0)).Select(i => values[i]).DefaultIfEmpty(double.PositiveInfinity).Min();
    }
}
