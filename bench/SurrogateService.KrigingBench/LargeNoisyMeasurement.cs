using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.KrigingBench;

/// <summary>
/// Issue 20's fit-time curve in-process: nearest-neighbour Kriging (default m, noise "fit") on the noisy 4-D case of
/// bench/large_data.sh CASE=noisy, timed in process CPU seconds so that a shared machine's load does not enter the numbers.
/// The function, box, noise and request options are those of bench/peers/large_data.py; its points are drawn by numpy there
/// and by <see cref="DeterministicRandom"/> here (the same distribution, not the same points).
/// With <c>--large-case borehole</c> the exact borehole function (8 inputs, <see cref="WaterFlow"/>) of the HTTP bench's
/// default case instead, without noise and without noise "fit"; <c>--large-options</c> adds Kriging options (JSON) to either.
/// </summary>
internal static class LargeNoisyMeasurement
{
    private const int TestCount = 10_000;
    private const double NoiseDeviation = 0.1;

    /// <summary>One size per process: the peak resident memory (VmHWM) is the process's, so earlier sizes would hide later ones.</summary>
    public static void Run(int n, string caseName, string? extraOptions)
    {
        bool borehole = caseName == "borehole";
        var kind = new KrigingKind();
        var given = new Dictionary<string, object>
        {
            ["kernel"] = "matern52", ["restarts"] = 2L, ["approximation"] = "nearestNeighbour",
        };
        if (!borehole)
            given["noise"] = "fit";
        if (extraOptions is not null)
        {
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(extraOptions)!)
                given[name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.TryGetInt64(out long whole) ? whole : value.GetDouble();
        }
        var options = new OptionValues(kind.Options, given);
        // An untimed small fit first compiles the code to its optimised tier, as in a service that has been running
        // (with the trend's degree chosen: 300 points may not afford the one asked for).
        var warmUp = new OptionValues(kind.Options, given.Where(g => g.Key != "trendDegree").ToDictionary());
        kind.Fit(Training(borehole, 300, seed: 5), warmUp).Predict(Uniform(borehole, 10, new DeterministicRandom(6)), new double[10]);
        var training = Training(borehole, n, seed: 3);
        var test = Uniform(borehole, TestCount, new DeterministicRandom(4));
        var truth = new double[TestCount];
        for (int i = 0; i < TestCount; i++)
            truth[i] = Function(borehole, test[i]);

        var cpu = CpuSeconds();
        var wall = Stopwatch.StartNew();
        var model = kind.Fit(training, options);
        double fitCpu = CpuSeconds() - cpu, fitWall = wall.Elapsed.TotalSeconds;
        var values = new double[TestCount];
        var errors = new double[TestCount];
        cpu = CpuSeconds();
        wall.Restart();
        // As the service's predict endpoint does: both from one pass where the model shares their work.
        if (model is ICancellablePrediction shared)
            shared.PredictWithStandardError(test, values, errors, CancellationToken.None);
        else
        {
            model.Predict(test, values);
            model.StandardError(test, errors);
        }
        double predictCpu = CpuSeconds() - cpu, predictWall = wall.Elapsed.TotalSeconds;

        double squares = 0;
        int covered = 0;
        for (int i = 0; i < TestCount; i++)
        {
            squares += (values[i] - truth[i]) * (values[i] - truth[i]);
            if (Math.Abs(values[i] - truth[i]) <= 1.96 * errors[i])
                covered++;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {caseName} {extraOptions} | {n} | {fitCpu:F1} | {fitWall:F1} | {predictCpu:F1} | {predictWall:F1} | {PeakRssMiB():F0} | {Math.Sqrt(squares / TestCount):F4} | {(double)covered / TestCount:F3} | {File.ReadAllText("/proc/loadavg")[..14].Trim()} |"));
    }

    private static readonly WaterFlow Borehole = new();

    private static Box Domain(bool borehole) => borehole ? Borehole.Domain(8) : Box.Uniform(4, 0, 1);

    private static double Function(bool borehole, ReadOnlySpan<double> x) => borehole ? Borehole.Evaluate(x) : Noisy(x);

    /// <summary>bench/peers/large_data.py's noisy_function: smooth, range about 3, on the unit cube.</summary>
    private static double Noisy(ReadOnlySpan<double> x) =>
        Math.Sin(2 * Math.PI * x[0]) * Math.Cos(Math.PI * x[1]) + x[2] * x[2] + 0.5 * Math.Exp(-4 * (x[3] - 0.5) * (x[3] - 0.5));

    private static TrainingSet Training(bool borehole, int n, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = Uniform(borehole, n, random);
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = Function(borehole, points[i]) + (borehole ? 0 : NoiseDeviation * random.NextGaussian());
        return new TrainingSet(points, values, Domain(borehole));
    }

    private static PointSet Uniform(bool borehole, int count, DeterministicRandom random)
    {
        var box = Domain(borehole);
        var points = new PointSet(count, box.Dimension);
        for (int i = 0; i < count; i++)
        {
            for (int l = 0; l < box.Dimension; l++)
                points[i][l] = box.Lower[l] + (box.Upper[l] - box.Lower[l]) * random.NextDouble();
        }
        return points;
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>VmHWM of /proc/self/status (Linux): the process's peak resident memory.</summary>
    private static double PeakRssMiB()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
