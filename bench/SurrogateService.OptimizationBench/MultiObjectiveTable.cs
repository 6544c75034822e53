using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// Issue 13's multi-objective goal: on ZDT1 (6-D) and Branin–Currin, 80 evaluations per seed, the
/// median hypervolume of ehvi (and parego) above both Optuna 3.1 NSGA-II's and multi-objective TPE's.
/// The peers' objective values are read from a file (bench/peers/optuna_multiobjective.py); every
/// hypervolume is computed here, by the same routine and for the problem's reference point from the
/// literature (ZDT: (11, 11); Branin–Currin: (18, 6), BoTorch's).
/// </summary>
internal static class MultiObjectiveTable
{
    private const int Budget = 80;
    private static readonly (string Problem, int Dimension)[] Problems = [("zdt1", 6), ("braninCurrin", 2)];
    private static readonly string[] Peers = ["nsga2", "tpe"];

    public static void Print(int seeds, string peerFile, string[] strategies)
    {
        var peer = File.ReadAllLines(peerFile).Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(
                e => (e.GetProperty("problem").GetString()!, e.GetProperty("sampler").GetString()!, e.GetProperty("seed").GetInt32()),
                e => e.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());
        foreach (var (name, dimension) in Problems)
        {
            var problem = BenchmarkProblems.Find(name)!;
            var front = problem.ParetoFront(dimension)!;
            int initial = Math.Max(10, 2 * dimension + 2);
            Console.WriteLine($"### {name} ({dimension}-D): {Budget} evaluations ({initial} Sobol' start points for ours), hypervolume for reference ({string.Join(", ", front.ReferencePoint)}); true front's {front.Hypervolume:F4}");
            Console.WriteLine();
            Console.WriteLine($"| seed | {string.Join(" | ", strategies)} | Optuna NSGA-II | Optuna TPE | {string.Join(" | ", strategies.Select(s => s + " time (s)"))} |");
            Console.WriteLine($"|---:|{string.Concat(Enumerable.Repeat("---:|", 2 * strategies.Length + 2))}");
            var columns = strategies.Concat(Peers).ToDictionary(c => c, _ => new List<double>());
            for (int seed = 0; seed < seeds; seed++)
            {
                var times = new List<double>();
                foreach (var strategy in strategies)
                {
                    var clock = Stopwatch.StartNew();
                    columns[strategy].Add(Run(problem, dimension, strategy, initial, (ulong)seed, front.ReferencePoint));
                    times.Add(clock.Elapsed.TotalSeconds);
                }
                foreach (var p in Peers)
                    columns[p].Add(peer.TryGetValue((name, p, seed), out var values) ? Hypervolume.Of(values, front.ReferencePoint) : double.NaN);
                Console.WriteLine($"| {seed} | {string.Join(" | ", strategies.Concat(Peers).Select(c => columns[c][^1].ToString("F4", CultureInfo.InvariantCulture)))} | " +
                    $"{string.Join(" | ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))} |");
            }
            var medians = columns.ToDictionary(c => c.Key, c => Median(c.Value));
            Console.WriteLine($"| **median** | {string.Join(" | ", strategies.Concat(Peers).Select(c => $"**{medians[c].ToString("F4", CultureInfo.InvariantCulture)}**"))} |{string.Concat(Enumerable.Repeat(" |", strategies.Length))}");
            Console.WriteLine();
            foreach (var strategy in strategies)
            {
                bool met = Peers.All(p => medians[strategy] > medians[p]);
                Console.WriteLine($"Goal ({strategy}: median above NSGA-II's and TPE's on {name}): {(met ? "met" : "NOT met")}; ratio to NSGA-II {medians[strategy] / medians["nsga2"]:F3}, to TPE {medians[strategy] / medians["tpe"]:F3}.");
            }
            Console.WriteLine();
        }
    }

    /// <summary>The hypervolume after one seeded run of a multi-objective strategy.</summary>
    private static double Run(IBenchmarkProblem problem, int dimension, string strategyName, int initial, ulong seed, double[] reference)
    {
        var strategy = OptimizationStrategies.Find(strategyName)!;
        var sobol = SamplingMethods.Find("sobol")!;
        var settings = RunSettings.For(strategy, initial, Budget, seed) with
        {
            InitialOptions = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true }),
        };
        var result = MultiObjectiveRun.Minimize((x, f) => problem.Evaluate(x, f, []), problem.ObjectiveCount, problem.Domain(dimension), settings, reference);
        return result.Front.Hypervolume;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Where(double.IsFinite).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
