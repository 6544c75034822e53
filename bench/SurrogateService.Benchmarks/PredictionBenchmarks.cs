using BenchmarkDotNet.Attributes;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Benchmarks;

/// <summary>
/// Prediction speed of every surrogate kind, fitted with its defaults to Branin at 80 (the
/// notebook's size) and 1 000 Sobol points, on a batch of 10 000 queries: the work of one large
/// predict request without the JSON around it. Large batches run on all cores.
/// </summary>
/// <remarks>
/// OperationsPerInvoke makes the Mean column the time of one prediction and Op/s the predictions
/// per second. Fitting happens in the global setup and is not measured.
/// </remarks>
[MemoryDiagnoser]
[OperationsPerSecond]
public class PredictionBenchmarks
{
    private const int Queries = 10_000;

    private readonly double[] _values = new double[Queries];
    private ISurrogateModel _model = null!;
    private PointSet _queries = null!;

    public static IEnumerable<string> Kinds => SurrogateKinds.All.Select(kind => kind.Name);

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    [Params(80, 1000)]
    public int TrainingPoints { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var branin = new Branin();
        var box = branin.Domain(2);
        var sobol = new SobolSampling();
        var points = sobol.Sample(TrainingPoints, box, OptionValues.Defaults(sobol.Options), seed: 0);
        var values = new double[TrainingPoints];
        branin.EvaluateBatch(points, values);
        var kind = SurrogateKinds.Find(Kind)!;
        _model = kind.Fit(new TrainingSet(points, values, box), OptionValues.Defaults(kind.Options));
        var scrambled = new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true });
        _queries = sobol.Sample(Queries, box, scrambled, seed: 1);
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public double Predict()
    {
        _model.Predict(_queries, _values);
        // Returning a value keeps the JIT from discarding the work.
        return _values[Queries - 1];
    }
}
