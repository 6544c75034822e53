using BenchmarkDotNet.Attributes;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Benchmarks;

/// <summary>
/// Generation speed of the sampling plans, per point: Sobol' plain and Owen-scrambled against
/// Halton and a centred Latin hypercube, in 2 and 10 dimensions.
/// </summary>
/// <remarks>
/// One invocation draws <see cref="Count"/> points and OperationsPerInvoke divides by it, so the
/// Mean column is the time of one point, Op/s the points per second and Allocated the bytes
/// of one point.
/// </remarks>
[MemoryDiagnoser]
[OperationsPerSecond]
public class SamplingBenchmarks
{
    private const int Count = 100_000;
    private const ulong Seed = 42;

    private readonly SobolSampling _sobol = new();
    private readonly HaltonSampling _halton = new();
    private readonly LatinHypercubeSampling _latinHypercube = new();

    private Box _box = null!;
    private OptionValues _sobolPlain = null!;
    private OptionValues _sobolScrambled = null!;
    private OptionValues _haltonOptions = null!;
    private OptionValues _latinHypercubeOptions = null!;

    [Params(2, 10)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _box = Box.Uniform(Dimension, -5, 10);
        _sobolPlain = OptionValues.Defaults(_sobol.Options);
        _sobolScrambled = new OptionValues(_sobol.Options,
            new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        _haltonOptions = OptionValues.Defaults(_halton.Options);
        _latinHypercubeOptions = OptionValues.Defaults(_latinHypercube.Options);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public PointSet Sobol() => _sobol.Sample(Count, _box, _sobolPlain, Seed);

    [Benchmark(OperationsPerInvoke = Count)]
    public PointSet SobolScrambled() => _sobol.Sample(Count, _box, _sobolScrambled, Seed);

    [Benchmark(OperationsPerInvoke = Count)]
    public PointSet Halton() => _halton.Sample(Count, _box, _haltonOptions, Seed);

    [Benchmark(OperationsPerInvoke = Count)]
    public PointSet LatinHypercube() => _latinHypercube.Sample(Count, _box, _latinHypercubeOptions, Seed);
}
