using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Optimization;

/// <summary>Requests built from a benchmark function and a sampling plan.</summary>
internal static class OptimizationTestData
{
    public static readonly string[] StrategyNames = ["ei", "lcb", "srbf", "dycors"];

    public static IOptimizationStrategy Strategy(string name) => OptimizationStrategies.Find(name)!;

    /// <summary>A scrambled Sobol' plan of <paramref name="count"/> points in the function's domain with their values.</summary>
    public static (Box Box, PointSet Points, double[] Values) Evaluated(string function, int count, ulong seed = 1, int? dimension = null)
    {
        var f = BenchmarkFunctions.Find(function)!;
        var box = f.Domain(dimension ?? f.DefaultDimension);
        var points = ScrambledSobol(box, count, seed);
        var values = new double[count];
        f.EvaluateBatch(points, values);
        return (box, points, values);
    }

    public static PointSet ScrambledSobol(Box box, int count, ulong seed)
    {
        var sobol = SamplingMethods.Find("sobol")!;
        return sobol.Sample(count, box, ScrambledSobolOptions(), seed);
    }

    public static OptionValues ScrambledSobolOptions()
    {
        var sobol = SamplingMethods.Find("sobol")!;
        return new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
    }

    public static SuggestionRequest Request(
        string strategy, Box box, PointSet points, double[] values, int batchSize = 1, ulong seed = 0,
        OptimizerState? state = null, IReadOnlyDictionary<string, object>? options = null)
    {
        var s = Strategy(strategy);
        return new SuggestionRequest(box, points, values, batchSize, seed, state, new OptionValues(s.Options, options), s.DefaultSurrogate);
    }

    public static double Tolerance(Box box, double relative = 1e-3)
    {
        double sum = 0;
        for (int j = 0; j < box.Dimension; j++)
            sum += Math.Pow(box.Upper[j] - box.Lower[j], 2);
        return relative * Math.Sqrt(sum);
    }

    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.Sqrt(sum);
    }
}
