using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using Xunit.Abstractions;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// How often co-Kriging's 95 % intervals (prediction ± 1.96 standard errors) hold the truth, over 10 designs
/// per pair: the low-fidelity points are a scrambled Sobol' sequence, the high-fidelity points its first points
/// (nested), the default kernel. Currin's pair (Xiong, Qian &amp; Wu 2013) with 10 high- and 100 low-fidelity
/// points on a 50×50 grid; Forrester, Sóbester &amp; Keane's (2007) pair with 4 and 11 on 201 points. The goal
/// (issue 25) is a mean coverage between 90 % and 98 % on every set of ten designs; "plug-in" is the variance with
/// θ̂ of both levels treated as known, which covered about half of Currin's function. Forrester's five sets (seeds
/// 1–10, 11–20, … 41–50) take a second and are all asserted; Currin's take about 30 s a set under load, so seeds
/// 1–10 are asserted here and bench/cokriging_coverage.sh measures all five through the service.
/// </summary>
public class CoKrigingCoverageTests(ITestOutputHelper output)
{
    private static readonly CurrinHigh CurrinHighFidelity = new();
    private static readonly CurrinLow CurrinLowFidelity = new();

    private static double ForresterHigh(double x) => (6 * x - 2) * (6 * x - 2) * Math.Sin(12 * x - 4);

    private static double ForresterLow(double x) => 0.5 * ForresterHigh(x) + 10 * (x - 0.5) - 5;

    [Fact]
    public void Currin_intervals_cover_about_95_percent_with_theta_integrated_out_and_predictions_are_unchanged()
    {
        var grid = new PointSet(2500, 2);
        for (int i = 0; i < 50; i++)
        {
            for (int j = 0; j < 50; j++)
                (grid[i * 50 + j][0], grid[i * 50 + j][1]) = (i / 49.0, j / 49.0);
        }
        var coverage = Measure(2, 10, 100, x => CurrinHighFidelity.Evaluate(x), x => CurrinLowFidelity.Evaluate(x), grid);
        output.WriteLine($"Currin 10+100: {coverage}");
        // Measured: plug-in 49.5 %, θ integrated out 92.7 %, θ and p 94.0 %; RMSE 0.1423 (the predictions are the plug-in model's).
        Assert.InRange(coverage.Averaged, 0.90, 0.98);
        Assert.True(coverage.Rmse <= 0.1424, $"RMSE {coverage.Rmse}");
        // An honest normal interval is ±1.96 RMSE wide on average: much wider would be useless.
        Assert.InRange(coverage.WidthOverRmse, 2, 6);
    }

    [Theory]
    // Measured (plug-in; θ of δ integrated out, before; with the low level's θ too, now), and the RMSE:
    [InlineData(1, 0.4995)] // 75.3 %; 91.9 %; 97.0 %
    [InlineData(11, 0.1614)] // 78.2 %; 92.6 %; 97.9 %
    [InlineData(21, 0.1462)] // 88.4 % before; 94.7 %
    [InlineData(31, 0.5477)] // 93.8 % before; 96.2 %
    [InlineData(41, 0.1685)] // 93.2 % before; 96.7 %
    public void Forrester_intervals_cover_about_95_percent_on_every_set_of_ten_designs_and_predictions_are_unchanged(int firstSeed, double rmse)
    {
        var line = new PointSet(Enumerable.Range(0, 201).Select(i => i / 200.0).ToArray(), 201, 1);
        var coverage = Measure(1, 4, 11, x => ForresterHigh(x[0]), x => ForresterLow(x[0]), line, firstSeed);
        output.WriteLine($"Forrester 4+11, seeds {firstSeed}–{firstSeed + 9}: {coverage}");
        Assert.InRange(coverage.Averaged, 0.90, 0.98);
        Assert.True(coverage.Rmse <= rmse * 1.0002, $"RMSE {coverage.Rmse}");
        // Errors concentrated where the low level's 11 points miss a wiggle give intervals narrower than ±1.96 RMSE on average.
        Assert.InRange(coverage.WidthOverRmse, 1.2, 6);
    }

    /// <summary>Mean coverages with θ̂ plugged in and with θ integrated out, the mean RMSE and the mean interval width over the mean RMSE.</summary>
    internal sealed record Coverage(double PlugIn, double Averaged, double Rmse, double WidthOverRmse)
    {
        public override string ToString() =>
            $"coverage plug-in {PlugIn:P1}, θ integrated out {Averaged:P1}; RMSE {Rmse:G4}; mean width of the 95 % interval / RMSE {WidthOverRmse:F2}";
    }

    internal static Coverage Measure(int dimension, int highCount, int lowCount, Func<double[], double> high, Func<double[], double> low, PointSet test,
        int firstSeed = 1)
    {
        double plugIn = 0, averaged = 0, rmse = 0, width = 0;
        var truth = Enumerable.Range(0, test.Count).Select(k => high(test[k].ToArray())).ToArray();
        for (int seed = firstSeed; seed < firstSeed + 10; seed++)
        {
            var model = (CoKrigingModel)Kind.Fit(Design(dimension, highCount, lowCount, seed, high, low), KrigingOptions());
            Assert.DoesNotContain(CoKrigingModel.ThetaKnownWarning, model.Diagnostics.Warnings);
            var predicted = Predict(model, test);
            var errors = StandardErrors(model, test);
            var plugInErrors = new double[test.Count];
            model.PlugInStandardError(test, StandardErrors(model.Low, test), plugInErrors);
            var lowPredicted = Predict(model.Low, test);
            var discrepancy = Predict(model.Discrepancy, test);
            int insidePlugIn = 0, insideAveraged = 0;
            double sum = 0;
            for (int k = 0; k < test.Count; k++)
            {
                // The predictions are still ρ·ŷ_low + ŷ_δ at θ̂: only the standard errors changed.
                Assert.Equal(model.Scale * lowPredicted[k] + discrepancy[k], predicted[k], 1e-12 * (1 + Math.Abs(predicted[k])));
                double miss = Math.Abs(predicted[k] - truth[k]);
                insidePlugIn += miss <= 1.96 * plugInErrors[k] ? 1 : 0;
                insideAveraged += miss <= 1.96 * errors[k] ? 1 : 0;
                sum += miss * miss;
                width += 2 * 1.96 * errors[k] / test.Count;
            }
            plugIn += insidePlugIn / (double)test.Count;
            averaged += insideAveraged / (double)test.Count;
            rmse += Math.Sqrt(sum / test.Count);
        }
        return new Coverage(plugIn / 10, averaged / 10, rmse / 10, width / rmse);
    }

    /// <summary>Nested design: the high-fidelity points are the first of the low-fidelity scrambled Sobol' points.</summary>
    internal static TrainingSet Design(int dimension, int highCount, int lowCount, int seed, Func<double[], double> high, Func<double[], double> low)
    {
        var unit = Box.Uniform(dimension, 0, 1);
        var sobol = new SobolSampling();
        var options = new OptionValues(sobol.Options, new Dictionary<string, object> { ["sequence"] = "plain", ["scramble"] = true });
        var lowPoints = sobol.Sample(lowCount, unit, options, seed: (ulong)seed);
        var highPoints = new PointSet(lowPoints.Data[..(highCount * dimension)].ToArray(), highCount, dimension);
        var lowData = new TrainingSet(lowPoints, Enumerable.Range(0, lowCount).Select(i => low(lowPoints[i].ToArray())).ToArray(), unit);
        return new TrainingSet(highPoints, Enumerable.Range(0, highCount).Select(i => high(highPoints[i].ToArray())).ToArray(), unit, lowFidelity: lowData);
    }
}
