using System.Globalization;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.HighDimBench;

/// <summary>The initial points both sides start from: one CSV per seed, one point a line, written here and read by the peer too.</summary>
internal static class PointFiles
{
    public static string PathOf(string directory, string problem, int seed) => Path.Combine(directory, $"{problem}-seed{seed}.csv");

    /// <summary>Owen-scrambled Sobol' points, seeded, in the problem's box.</summary>
    public static void Write(string directory, Problem problem, int count, int seeds)
    {
        Directory.CreateDirectory(directory);
        var sobol = new SobolSampling();
        var scrambled = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        for (int seed = 0; seed < seeds; seed++)
        {
            var points = sobol.Sample(count, problem.Box, scrambled, (ulong)seed);
            var lines = Enumerable.Range(0, points.Count).Select(i => string.Join(',', points[i].ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            File.WriteAllLines(PathOf(directory, problem.Name, seed), lines);
        }
    }

    public static List<double[]> Read(string directory, string problem, int seed) =>
        File.ReadAllLines(PathOf(directory, problem, seed))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
}
