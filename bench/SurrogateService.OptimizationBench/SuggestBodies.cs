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
/// the same three for ei on noisy values with Kriging fitting the noise; and for ehvi and parego the
/// same with n points of ZDT1 in 6-D and its two objectives.
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

        foreach (var strategy in OptimizationStrategies.All.Where(s => !s.HandlesSeveralObjectives))
        {
            var request = new SuggestionRequest(box, points, values, 1, 0, null, OptionValues.Defaults(strategy.Options), strategy.DefaultSurrogate);
            var state = strategy.Suggest(request).State;
            WriteBody(directory, $"{strategy.Name}-first.json", strategy.Name, box, points.ToRows(), ("values", values), null);
            WriteBody(directory, $"{strategy.Name}-next.json", strategy.Name, box, points.ToRows(), ("values", values), state);
            if (state.ThetaPoints is int searchedOn)
                WriteBody(directory, $"{strategy.Name}-refit.json", strategy.Name, box, points.ToRows(), ("values", values), state with { ThetaPoints = searchedOn - 5 });
        }
        WriteNoisy(directory, box, points, values);
        WriteObjectiveBodies(directory, count);
    }

    private static void WriteObjectiveBodies(string directory, int count)
    {
        var problem = BenchmarkProblems.Find("zdt1")!;
        var box = problem.Domain(6);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(count, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true }), 11);
        var objectives = Enumerable.Range(0, count).Select(i =>
        {
            var f = new double[2];
            problem.Evaluate(points[i], f, []);
            return f;
        }).ToArray();
        foreach (var strategy in OptimizationStrategies.All.Where(s => s.HandlesSeveralObjectives))
        {
            var request = SuggestionRequest.WithObjectives(box, points, objectives, 1, 0, null, OptionValues.Defaults(strategy.Options), strategy.DefaultSurrogate);
            var state = strategy.Suggest(request).State;
            WriteBody(directory, $"{strategy.Name}-first.json", strategy.Name, box, points.ToRows(), ("objectives", objectives), null);
            WriteBody(directory, $"{strategy.Name}-next.json", strategy.Name, box, points.ToRows(), ("objectives", objectives), state);
            if ((state.ObjectiveThetas is not null || state.Theta is not null) && state.ThetaPoints is int searchedOn)
                WriteBody(directory, $"{strategy.Name}-refit.json", strategy.Name, box, points.ToRows(), ("objectives", objectives), state with { ThetaPoints = searchedOn - 5 });
        }
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
        WriteBody(directory, "ei-noisy-first.json", "ei", box, points.ToRows(), ("values", values), null, surrogate);
        WriteBody(directory, "ei-noisy-next.json", "ei", box, points.ToRows(), ("values", values), state, surrogate);
        WriteBody(directory, "ei-noisy-refit.json", "ei", box, points.ToRows(), ("values", values), state with { ThetaPoints = state.ThetaPoints - 5 }, surrogate);
    }

    /// <param name="known">"values" with one number per point, or "objectives" with one row per point.</param>
    private static void WriteBody(string directory, string name, string strategy, SurrogateService.Numerics.Core.Box box, double[][] points,
        (string Member, object Values) known, OptimizerState? state, object? surrogate = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["strategy"] = strategy,
            ["surrogate"] = surrogate,
            ["lowerBound"] = box.Lower.ToArray(),
            ["upperBound"] = box.Upper.ToArray(),
            ["points"] = points,
            [known.Member] = known.Values,
            ["batchSize"] = 1,
            ["seed"] = 0,
            ["state"] = state,
        };
        File.WriteAllText(Path.Combine(directory, name), JsonSerializer.Serialize(body, Json));
    }
}
