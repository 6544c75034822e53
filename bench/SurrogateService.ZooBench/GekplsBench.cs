using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

/// <summary>
/// GEKPLS beside KPLS at d = 30: Kriging with components = 2 fitted to the same uniform points with and without
/// their gradients, RMSE on held-out points and fit times. Goals: more accurate with gradients, fit time within 3×.
/// </summary>
internal static class GekplsBench
{
    private const int D = 30;

    /// <summary>Unequally weighted squares with one interaction: every input matters, some much more than others.</summary>
    private static double Function(double[] x) => Enumerable.Range(0, D).Sum(l => (l + 1.0) / D * x[l] * x[l]) + Math.Sin(x[0] + x[1]);

    private static double[] Gradient(double[] x) =>
        [.. Enumerable.Range(0, D).Select(l => 2 * (l + 1.0) / D * x[l] + (l < 2 ? Math.Cos(x[0] + x[1]) : 0))];

    public static void Run(int[] pointCounts, int testCount, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var test = Rows(testCount, random);
        var truth = test.Select(Function).ToArray();
        var kind = SurrogateKinds.Find("kriging")!;
        var options = new OptionValues(kind.Options, new Dictionary<string, object> { ["components"] = 2.0 });
        Console.WriteLine(Invariant($"GEKPLS at d = {D}: Kriging with components = 2, with and without gradients, RMSE on {testCount} uniform held-out points"));
        Console.WriteLine(Invariant($"{"points",7}{"KPLS RMSE",12}{"KPLS s",9}{"GEKPLS RMSE",14}{"GEKPLS s",10}{"RMSE ratio",12}{"time ratio",12}"));
        foreach (int n in pointCounts)
        {
            var rows = Rows(n, random);
            var values = rows.Select(Function).ToArray();
            var box = Box.Uniform(D, 0, 1);
            var (kplsRmse, kplsSeconds) = Measure(() => kind.Fit(new TrainingSet(PointSet.FromRows(rows), values, box), options), test, truth);
            var (gekplsRmse, gekplsSeconds) = Measure(() => kind.Fit(new TrainingSet(PointSet.FromRows(rows), values, box, gradients: [.. rows.Select(Gradient)]), options), test, truth);
            double ratio = gekplsRmse / kplsRmse, timeRatio = gekplsSeconds / kplsSeconds;
            string verdict = $"{(ratio < 1 ? "more accurate" : "NOT more accurate")}, {(timeRatio <= 3 ? "time within 3×" : "time NOT within 3×")}";
            Console.WriteLine(Invariant($"{n,7}{kplsRmse,12:F4}{kplsSeconds,9:F2}{gekplsRmse,14:F4}{gekplsSeconds,10:F2}{ratio,12:F3}{timeRatio,12:F1}  {verdict}"));
        }
        Console.WriteLine();
    }

    private static (double Rmse, double Seconds) Measure(Func<ISurrogateModel> fit, double[][] test, double[] truth)
    {
        var clock = Stopwatch.StartNew();
        var model = fit();
        double seconds = clock.Elapsed.TotalSeconds;
        var predicted = new double[test.Length];
        model.Predict(PointSet.FromRows(test), predicted);
        return (Math.Sqrt(predicted.Zip(truth, (p, t) => (p - t) * (p - t)).Average()), seconds);
    }

    private static double[][] Rows(int count, DeterministicRandom random) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, D).Select(_ => random.NextDouble()).ToArray())];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
