using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class CoKrigingTests
{
    private static readonly Box Unit = new([0.0], [1.0]);

    /// <summary>Forrester, Sóbester &amp; Keane (2007): high (6x − 2)²·sin(12x − 4), low 0.5·high + 10(x − 0.5) − 5.</summary>
    private static double High(double x) => (6 * x - 2) * (6 * x - 2) * Math.Sin(12 * x - 4);

    private static double Low(double x) => 0.5 * High(x) + 10 * (x - 0.5) - 5;

    private static TrainingSet Forrester(double[] highX, double[] lowX) =>
        new(Points(highX), highX.Select(High).ToArray(), Unit,
            lowFidelity: new TrainingSet(Points(lowX), lowX.Select(Low).ToArray(), Unit));

    private static readonly double[] HighX = [0, 0.4, 0.6, 1];
    private static readonly double[] LowX = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();

    [Fact]
    public void Four_high_and_eleven_low_fidelity_points_beat_kriging_on_the_four_alone_fivefold()
    {
        var data = Forrester(HighX, LowX);
        var coKriging = (CoKrigingModel)Kind.Fit(data, KrigingOptions(("kernel", "squaredExponential")));
        var highOnly = Kind.Fit(new TrainingSet(data.Points, data.Values, Unit), KrigingOptions(("kernel", "squaredExponential")));
        var test = Points(Enumerable.Range(0, 201).Select(i => i / 200.0).ToArray());

        double coError = Rmse(coKriging, test, x => High(x[0]));
        double highError = Rmse(highOnly, test, x => High(x[0]));
        Assert.True(5 * coError <= highError, $"co-Kriging {coError}, high-fidelity Kriging {highError}");
        // The true scale is 2 (high = 2·low − 20(x − 0.5) + 10): the discrepancy is then linear.
        Assert.InRange(coKriging.Scale, 1.5, 2.5);
        Assert.Contains(CoKrigingModel.ScaleUncertaintyWarning, coKriging.Diagnostics.Warnings);
    }

    [Fact]
    public void The_standard_error_combines_both_levels_and_vanishes_at_exact_high_fidelity_points()
    {
        var coKriging = (CoKrigingModel)Kind.Fit(Forrester(HighX, LowX), KrigingOptions(("kernel", "matern52")));
        var atHigh = StandardErrors(coKriging, Points(HighX));
        var between = Points([0.25, 0.8]);
        var combined = StandardErrors(coKriging, between);
        var low = StandardErrors(coKriging.Low, between);
        var discrepancy = StandardErrors(coKriging.Discrepancy, between);
        Assert.All(atHigh, s => Assert.True(s < 1e-3 * (1 + combined.Max()), $"{s}"));
        for (int k = 0; k < 2; k++)
            Assert.Equal(Math.Sqrt(Math.Pow(coKriging.Scale * low[k], 2) + discrepancy[k] * discrepancy[k]), combined[k], 1e-12);
    }

    [Fact]
    public void A_restored_co_kriging_model_predicts_bit_for_bit()
    {
        var data = Forrester([0, 0.3, 0.55, 0.7, 1], LowX);
        var options = KrigingOptions(("kernel", "matern32"), ("noise", "fit"));
        var fitted = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, fitted.ExportParameters());
        var test = Points(Enumerable.Range(0, 50).Select(i => i / 49.0).ToArray());
        Assert.Equal(Predict(fitted, test), Predict(restored, test));
        Assert.Equal(StandardErrors(fitted, test), StandardErrors(restored, test));
        Assert.Contains("low.theta", fitted.ExportParameters().Keys);
    }

    [Fact]
    public void Errors_in_the_low_fidelity_data_name_it()
    {
        var data = Forrester(HighX, [0.5]);
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions()));
        Assert.Equal("lowFidelity.points", error.Field);

        var parameters = new Dictionary<string, double[]>(Kind.Fit(Forrester(HighX, LowX), KrigingOptions()).ExportParameters());
        parameters.Remove("rho");
        var missing = Assert.Throws<SurrogateFitException>(() => Kind.Restore(Forrester(HighX, LowX), KrigingOptions(), parameters));
        Assert.Equal("parameters.rho", missing.Field);
    }

    private static PointSet Points(double[] xs) => new(xs, xs.Length, 1);
}
