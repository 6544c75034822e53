using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

/// <summary>
/// GEKPLS beside KPLS at d = 30: Kriging with components = 2 fitted to the same uniform points with and without
/// their gradients, RMSE on held-out points and fit times (wall-clock and CPU). Goals: more accurate with gradients, fit time within 3×.
/// </summary>
internal static class GekplsBench
{
    private const int D = 30;

    /// <summary>Timed fits per model; the median is reported.</summary>
    public static int Repeats { get; set; } = 3;

    /// <summary>Unequally weighted squares with one interaction: every input matters, some much more than others.</summary>
    private static double Function(double[] x) => Enumerable.Range(0, D).Sum(l => (l + 1.0) / D * x[l] * x[l]) + Math.Sin(x[0] + x[1]);

    private static double[] Gradient(double[] x) =>
        [.. Enumerable.Range(0, D).Select(l => 2 * (l + 1.0) / D * x[l] + (l < 2 ? Math.Cos(x[0] + x[1]) : 0))];

    /// <param name="variants">extraPoints settings to fit with the gradients: whole numbers, or "full" (gradient-enhanced Kriging along the directions, slow).</param>
    public static void Run(int[] pointCounts, int testCount, ulong seed, IReadOnlyList<object> variants)
    {
        var random = new DeterministicRandom(seed);
        var test = Rows(testCount, random);
        var truth = test.Select(Function).ToArray();
        var kind = SurrogateKinds.Find("kriging")!;
        var kpls = new OptionValues(kind.Options, new Dictionary<string, object> { ["components"] = 2.0 });
        Console.WriteLine(Invariant($"GEKPLS at d = {D}: Kriging with components = 2, with and without gradients, RMSE on {testCount} uniform held-out points"));
        Console.WriteLine(Invariant($"{"points",7}{"model",26}{"RMSE",10}{"fit s",9}{"CPU s",9}{"RMSE ratio",12}{"time ratio",12}{"CPU ratio",11}"));
        // Warm-up fits (not timed), so that compiling the code paths is not charged to the first row.
        var warmRows = Rows(10, new DeterministicRandom(seed + 1));
        var warmData = new TrainingSet(PointSet.FromRows(warmRows), [.. warmRows.Select(Function)], Box.Uniform(D, 0, 1), gradients: [.. warmRows.Select(Gradient)]);
        kind.Fit(new TrainingSet(warmData.Points, warmData.Values, warmData.Box), kpls);
        kind.Fit(warmData, kpls);
        foreach (int n in pointCounts)
        {
            var rows = Rows(n, random);
            var values = rows.Select(Function).ToArray();
            var box = Box.Uniform(D, 0, 1);
            var (kplsRmse, kplsSeconds, kplsCpu) = Measure(() => kind.Fit(new TrainingSet(PointSet.FromRows(rows), values, box), kpls), test, truth);
            Console.WriteLine(Invariant($"{n,7}{"KPLS (values)",26}{kplsRmse,10:F4}{kplsSeconds,9:F3}{kplsCpu,9:F3}"));
            foreach (var variant in variants)
            {
                var options = new OptionValues(kind.Options, new Dictionary<string, object> { ["components"] = 2.0, ["extraPoints"] = variant });
                var (rmse, seconds, cpu) = Measure(() => kind.Fit(new TrainingSet(PointSet.FromRows(rows), values, box, gradients: [.. rows.Select(Gradient)]), options), test, truth);
                double ratio = rmse / kplsRmse, timeRatio = seconds / kplsSeconds, cpuRatio = cpu / kplsCpu;
                string verdict = $"{(ratio < 1 ? "more accurate" : "NOT more accurate")}, {(timeRatio <= 3 ? "time within 3×" : "time NOT within 3×")}";
                Console.WriteLine(Invariant($"{n,7}{"GEKPLS extraPoints " + variant,26}{rmse,10:F4}{seconds,9:F3}{cpu,9:F3}{ratio,12:F3}{timeRatio,12:F1}{cpuRatio,11:F1}  {verdict}"));
            }
        }
        Console.WriteLine();
    }

    /// <summary>
    /// RMSE of the fitted model, and the medians of <see cref="Repeats"/> fit times: wall-clock, and the CPU time of the
    /// whole process during the fit (all its threads, so parallel starts count in full), which other work on a shared
    /// machine disturbs less than the wall-clock.
    /// </summary>
    private static (double Rmse, double Seconds, double CpuSeconds) Measure(Func<ISurrogateModel> fit, double[][] test, double[] truth)
    {
        var seconds = new double[Repeats];
        var cpuSeconds = new double[Repeats];
        ISurrogateModel model = null!;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < Repeats; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            model = fit();
            seconds[r] = clock.Elapsed.TotalSeconds;
            process.Refresh();
            cpuSeconds[r] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        }
        Array.Sort(seconds);
        Array.Sort(cpuSeconds);
        var predicted = new double[test.Length];
        model.Predict(PointSet.FromRows(test), predicted);
        return (Math.Sqrt(predicted.Zip(truth, (p, t) => (p - t) * (p - t)).Average()), seconds[Repeats / 2], cpuSeconds[Repeats / 2]);
    }

    private static double[][] Rows(int count, DeterministicRandom random) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, D).Select(_ => random.NextDouble()).ToArray())];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
