using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;

/// <summary>
/// auto's fit time and choice on small and mid-sized data: Branin (30 Sobol' points), the parabola jump of
/// <see cref="JumpBench"/> (200 points), and a smooth 6-input function (300 points). Prints the median fit time,
/// the kind chosen, its RMSE on held-out points and every candidate's cross-validation error, to compare runs
/// before and after a change to the candidates.
/// </summary>
internal static class AutoBench
{
    private static readonly (string Name, int Dimension, int Points, Func<double[], double> Function)[] Cases =
    [
        ("Branin", 2, 30, x =>
        {
            double x1 = -5 + 15 * x[0], x2 = 15 * x[1];
            return Math.Pow(x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(x1) + 10;
        }),
        ("jump across a parabola", 2, 200, x => Math.Sin(3 * x[0]) + Math.Cos(2 * x[1]) + 0.5 * x[0] * x[1] + (x[1] > 0.3 + 0.4 * x[0] * x[0] ? 2 : 0)),
        ("smooth 6-input", 6, 300, x => Enumerable.Range(0, 6).Sum(l => Math.Sin((l + 1) * x[l])) + x[0] * x[1]),
    ];

    public static void Run(int repeats, ulong seed)
    {
        var sobol = SamplingMethods.Find("sobol")!;
        Console.WriteLine("auto: median fit time, the kind chosen and its RMSE on 2 000 uniform held-out points");
        foreach (var (name, d, n, function) in Cases)
        {
            var box = Box.Uniform(d, 0, 1);
            var points = sobol.Sample(n, box, new OptionValues(sobol.Options), seed);
            var data = new TrainingSet(points, [.. points.ToRows().Select(function)], box);
            var random = new DeterministicRandom(seed);
            var test = Enumerable.Range(0, 2000).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray()).ToArray();
            var seconds = new double[repeats];
            FittedSurrogate fitted = null!;
            AutoSurrogate.Select(data);
            for (int r = 0; r < repeats; r++)
            {
                var clock = Stopwatch.StartNew();
                fitted = AutoSurrogate.Select(data);
                seconds[r] = clock.Elapsed.TotalSeconds;
            }
            Array.Sort(seconds);
            var predicted = new double[test.Length];
            fitted.Model.Predict(PointSet.FromRows(test), predicted);
            double rmse = Math.Sqrt(test.Select((x, k) => Math.Pow(predicted[k] - function(x), 2)).Average());
            Console.WriteLine(Invariant($"{name} ({n} points, d = {d}): {seconds[repeats / 2]:F2} s, chose {fitted.Kind.Name}, RMSE {rmse:G4}"));
            foreach (var candidate in fitted.Candidates!)
                Console.WriteLine(Invariant($"    {candidate.Kind,-18}{string.Join(",", candidate.Options.Where(o => o.Key is "kernel" or "c").Select(o => o.Value)),-14}{candidate.LeaveOneOutRmse?.ToString("G4", CultureInfo.InvariantCulture) ?? candidate.Error}"));
        }
        Console.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
