using System.Diagnostics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;

namespace SurrogateService.HighDimBench;

/// <summary>One ask–tell campaign from a shared initial plan, as a client would run it (the state going round), timing every ask.</summary>
internal static class Campaign
{
    public sealed record Outcome(int Seed, double Best, double MedianAskSeconds, double MedianAskCpuSeconds, double TotalAskSeconds);

    public static Outcome Run(Problem problem, string strategyName, List<double[]> initial, int budget, int batch, int seed)
    {
        var strategy = OptimizationStrategies.Find(strategyName) ?? throw new ArgumentException($"Unknown strategy '{strategyName}'.");
        var points = initial.Select(p => (double[])p.Clone()).ToList();
        var values = points.Select(problem.Evaluate).ToList();
        var options = OptionValues.Defaults(strategy.Options);
        OptimizerState? state = null;
        var askSeconds = new List<double>();
        var askCpuSeconds = new List<double>();
        var process = Process.GetCurrentProcess();
        while (points.Count < budget)
        {
            int size = Math.Min(batch, budget - points.Count);
            var request = new SuggestionRequest(problem.Box, PointSet.FromRows(points), [.. values], size, (ulong)seed, state, options, strategy.DefaultSurrogate);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var suggestion = strategy.Suggest(request);
            askSeconds.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            askCpuSeconds.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            for (int i = 0; i < suggestion.Points.Count; i++)
            {
                var point = suggestion.Points[i].ToArray();
                points.Add(point);
                values.Add(problem.Evaluate(point));
            }
            state = suggestion.State;
            // One line per ask on stderr, so that a campaign cut short still tells how far it got.
            Console.Error.WriteLine($"seed {seed}: {points.Count} evaluations, best {values.Min():F5}, ask {askSeconds[^1]:F1} s wall {askCpuSeconds[^1]:F1} s CPU");
        }
        return new Outcome(seed, values.Min(), Median(askSeconds), Median(askCpuSeconds), askSeconds.Sum());
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }
}
