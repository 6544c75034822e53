using System.Diagnostics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;

namespace SurrogateService.HighDimBench;

/// <summary>The single-ask goal: one ei ask with many known points, first without a state, then with the state it returned.</summary>
internal static class SingleAsk
{
    public static (double First, double FirstCpu, double WithState, double WithStateCpu) Time(Problem problem, List<double[]> points)
    {
        var strategy = OptimizationStrategies.Find("ei")!;
        var values = points.Select(problem.Evaluate).ToArray();
        var options = OptionValues.Defaults(strategy.Options);
        var request = new SuggestionRequest(problem.Box, PointSet.FromRows(points), values, 1, 0, null, options, strategy.DefaultSurrogate);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var first = strategy.Suggest(request);
        double firstSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double firstCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        cpu = process.TotalProcessorTime;
        clock.Restart();
        strategy.Suggest(request with { State = first.State });
        double withState = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (firstSeconds, firstCpu, withState, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
