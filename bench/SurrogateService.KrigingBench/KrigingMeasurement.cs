using System.Diagnostics;
using System.Globalization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.KrigingBench;

/// <summary>Our Kriging with maximum-likelihood θ (the kind's defaults), timed over repeated fits and predictions.</summary>
internal static class KrigingMeasurement
{
    private static readonly KrigingKind Kind = new();

    /// <summary>Median times of <paramref name="repeats"/> runs; the model is deterministic, so every run has the same RMSE.</summary>
    public static Measurement Run(BenchCase benchCase, int repeats)
    {
        var options = OptionValues.Defaults(Kind.Options);
        var fitTimes = new List<double>();
        var predictTimes = new List<double>();
        ISurrogateModel? model = null;
        var values = new double[benchCase.Test.Count];
        var errors = new double[benchCase.Test.Count];
        for (int run = 0; run < repeats; run++)
        {
            var clock = Stopwatch.StartNew();
            model = Kind.Fit(benchCase.Training, options);
            fitTimes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            model.Predict(benchCase.Test, values);
            model.StandardError(benchCase.Test, errors);
            predictTimes.Add(clock.Elapsed.TotalSeconds);
        }
        double sum = 0;
        for (int k = 0; k < values.Length; k++)
            sum += (values[k] - benchCase.TestValues[k]) * (values[k] - benchCase.TestValues[k]);
        var parameters = model!.ExportParameters();
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"θ = [{string.Join(", ", parameters["theta"].Select(t => t.ToString("G3", CultureInfo.InvariantCulture)))}], ν = {parameters["nugget"][0]:G2}, cond ≈ {model.Diagnostics.ConditionNumber:G2}");
        return new Measurement("ours", Math.Sqrt(sum / values.Length), Median(fitTimes), Median(predictTimes), detail);
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : 0.5 * (times[times.Count / 2 - 1] + times[times.Count / 2]);
    }
}
