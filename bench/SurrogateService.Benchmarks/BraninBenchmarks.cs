using BenchmarkDotNet.Attributes;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Benchmarks;

/// <summary>
/// Batch evaluation of Branin on 10 000 Sobol' points of its domain, the work behind one large
/// evaluate request without the JSON around it.
/// </summary>
/// <remarks>OperationsPerInvoke makes the Mean column the time of one point and Op/s the points per second.</remarks>
[MemoryDiagnoser]
[OperationsPerSecond]
public class BraninBenchmarks
{
    private const int Count = 10_000;

    private readonly Branin _branin = new();
    private readonly double[] _values = new double[Count];
    private PointSet _points = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sobol = new SobolSampling();
        _points = sobol.Sample(Count, _branin.Domain(2), OptionValues.Defaults(sobol.Options), seed: 0);
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public double EvaluateBatch()
    {
        _branin.EvaluateBatch(_points, _values);
        // Returning a value keeps the JIT from discarding the work.
        return _values[Count - 1];
    }
}
