using System.Text.Json;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.OptimizationBench;

/// <summary>
/// Request bodies for the suggest latency: n scrambled-Sobol points of Hartmann-6 with their values,
/// batch 1, per strategy: the first call (no state); a later call with the state the first call
/// returns (computed here with the same code, so it is exactly what the service would send); and for
/// ei and lcb a call whose state asks for a new likelihood search (five new points since the last one);
/// and the same three for ei on noisy values with Kriging fitting the noise.
/// </summary>
internal static class SuggestBodies
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var function = BenchmarkFunctions.Find("hartmann6")!;
        var box = function.Domain(6);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(count, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true }), 11);
        var values = new double[count];
        function.EvaluateBatch(points, values);

        foreach (var strategy in OptimizationStrategies.All)
        {
            var request = new SuggestionRequest(box, points, values, 1, 0, null, OptionValues.Defaults(strategy.Options), strategy.DefaultSurrogate);
            var state = strategy.Suggest(request).State;
            WriteBody(directory, $"{strategy.Name}-first.json", strategy.Name, box, points.ToRows(), values, null);
            WriteBody(directory, $"{strategy.Name}-next.json", strategy.Name, box, points.ToRows(), values, state);
            if (state.ThetaPoints is int searchedOn)
                WriteBody(directory, $"{strategy.Name}-refit.json", strategy.Name, box, points.ToRows(), values, state with { ThetaPoints = searchedOn - 5 });
        }
        WriteNoisy(directory, box, points, values);
    }

    /// <summary>ei on the same points observed with noise σ = 0.05 and Kriging fitting the noise ("ei-noisy" rows).</summary>
    private static void WriteNoisy(string directory, SurrogateService.Numerics.Core.Box box, SurrogateService.Numerics.Core.PointSet points, double[] exact)
    {
        var random = new SurrogateService.Numerics.Core.DeterministicRandom(5);
        var values = exact.Select(v => v + 0.05 * random.NextGaussian()).ToArray();
        var ei = OptimizationStrategies.Find("ei")!;
        var noisy = new Dictionary<string, object> { ["noise"] = "fit" };
        var request = new SuggestionRequest(box, points, values, 1, 0, null, OptionValues.Defaults(ei.Options), SurrogateChoice.Of("kriging", noisy));
        var state = ei.Suggest(request).State;
        var surrogate = new { kind = "kriging", options = noisy };
        WriteBody(directory, "ei-noisy-first.json", "ei", box, points.ToRows(), values, null, surrogate);
        WriteBody(directory, "ei-noisy-next.json", "ei", box, points.ToRows(), values, state, surrogate);
        WriteBody(directory, "ei-noisy-refit.json", "ei", box, points.ToRows(), values, state with { ThetaPoints = state.ThetaPoints - 5 }, surrogate);
    }

    private static void WriteBody(
        string directory, string name, string strategy, SurrogateService.Numerics.Core.Box box, double[][] points, double[] values, OptimizerState? state, object? surrogate = null)
    {
        var body = new
        {
            strategy,
            surrogate,
            lowerBound = box.Lower.ToArray(),
            upperBound = box.Upper.ToArray(),
            points,
            values,
            batchSize = 1,
            seed = 0,
            state,
        };
        File.WriteAllText(Path.Combine(directory, name), JsonSerializer.Serialize(body, Json));
    }
}
