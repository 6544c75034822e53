using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.NearestNeighbour;

public class PolynomialTrendTests
{
    private static readonly Box UnitSquare = new([0.0, 0.0], [1.0, 1.0]);

    /// <summary>A quadratic plus a small wiggle that only the process can follow.</summary>
    private static double QuadraticWithWiggle(double[] x) => 3 + 2 * x[0] - x[1] + 4 * x[0] * x[1] - 2.5 * x[1] * x[1] + 0.05 * Math.Sin(9 * x[0] + 5 * x[1]);

    [Fact]
    public void A_cubic_is_reproduced_to_rounding_and_its_degree_is_chosen_by_validation()
    {
        var box = new Box([-1.0, 0.0, 2.0], [1.0, 3.0, 5.0]);
        static double Cubic(double[] x) => 1.5 - x[0] + 0.3 * x[1] * x[2] + x[0] * x[0] * x[2] - 0.2 * x[1] * x[1] * x[1];
        // 400 points: 80 held out, 320 to fit, so at most 32 terms: degree 3 (20 terms in 3 inputs) is the highest tried.
        var data = Sample(400, box, seed: 3, Cubic);
        var test = Sample(200, box, seed: 4, Cubic);
        var model = (NearestNeighbourKrigingModel)Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "polynomial"), ("neighbours", 10)));

        var trend = model.Diagnostics.Trend!;
        Assert.Equal(3, trend.Degree);
        Assert.Equal(20, trend.Terms);
        Assert.Equal(80, trend.ValidationPoints);
        double scale = test.Values.Max(Math.Abs);
        Assert.True(trend.ValidationRmse < 1e-10 * scale, $"held-out RMSE {trend.ValidationRmse}");
        Assert.True(trend.ValidationRmseByDegree[2]!.Value > 1e-3, "a quadratic cannot fit a cubic");
        var values = Predict(model, test.Points);
        for (int k = 0; k < test.Count; k++)
            Assert.Equal(test.Values[k], values[k], 1e-9 * scale);
    }

    [Fact]
    public void Trend_plus_process_equals_the_process_fitted_to_least_squares_residuals_computed_independently()
    {
        // The reference detrends with monomials 1, x, y, x², xy, y² and a QR least-squares solve: another basis of the
        // same space, another algorithm. The process then has the same θ (given), so both models must agree.
        var data = Sample(300, UnitSquare, seed: 5, QuadraticWithWiggle);
        var design = new double[data.Count * 6];
        for (int i = 0; i < data.Count; i++)
            Monomials(data.Points[i]).CopyTo(design.AsSpan(i * 6, 6));
        var coefficients = new QrDecomposition(design, data.Count, 6).LeastSquares(data.Values);
        double Reference(ReadOnlySpan<double> x)
        {
            var row = Monomials(x);
            return Enumerable.Range(0, 6).Sum(k => coefficients[k] * row[k]);
        }
        var residuals = new TrainingSet(data.Points, [.. Enumerable.Range(0, data.Count).Select(i => data.Values[i] - Reference(data.Points[i]))], UnitSquare);
        double[] theta = [4.0, 7.0];
        var withTrend = Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("theta", theta), ("trend", "polynomial"), ("trendDegree", 2), ("neighbours", 12)));
        var onResiduals = Kind.Fit(residuals, KrigingOptions(("approximation", "nearestNeighbour"), ("theta", theta), ("neighbours", 12), ("trend", "constant")));

        var test = Sample(100, UnitSquare, seed: 6, QuadraticWithWiggle);
        var (values, errors) = (Predict(withTrend, test.Points), StandardErrors(withTrend, test.Points));
        var (residualValues, residualErrors) = (Predict(onResiduals, test.Points), StandardErrors(onResiduals, test.Points));
        for (int k = 0; k < test.Count; k++)
        {
            Assert.Equal(Reference(test.Points[k]) + residualValues[k], values[k], 1e-9);
            Assert.Equal(residualErrors[k], errors[k], 1e-9);
        }
    }

    [Fact]
    public void A_model_with_a_trend_restored_from_its_parameters_predicts_the_same_bits()
    {
        var data = Sample(300, UnitSquare, seed: 7, QuadraticWithWiggle);
        var options = KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "polynomial"), ("neighbours", 10), ("kernel", "matern52"), ("restarts", 2));
        var fitted = Kind.Fit(data, options);
        var parameters = fitted.ExportParameters();
        Assert.Contains(PolynomialTrend.MultiIndicesName, parameters.Keys);
        var restored = Kind.Restore(data, options, parameters);
        var grid = Sample(500, UnitSquare, seed: 8, QuadraticWithWiggle).Points;
        Assert.Equal(Predict(fitted, grid), Predict(restored, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(restored, grid));
        Assert.Contains("polynomial trend of degree", fitted.Diagnostics.Approximation, StringComparison.Ordinal);
    }

    [Fact]
    public void On_smooth_data_a_trend_lowers_the_error_and_the_intervals_stay_calibrated()
    {
        // A smooth 4-D function whose correlation lengths exceed a neighbourhood: the situation the trend is for.
        var box = new Box([0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]);
        static double Truth(double[] x) => Math.Exp(0.8 * x[0]) * (1 + x[1] * x[1]) + Math.Sin(2 * x[2]) * x[3] + 0.5 * x[3] * x[3] * x[3];
        var data = Sample(3000, box, seed: 13, Truth);
        var test = Sample(500, box, seed: 14, Truth);
        var constant = Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("restarts", 2), ("trend", "constant")));
        var trended = Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("restarts", 2), ("trend", "polynomial")));
        double constantRmse = Rmse(constant, test.Points, Truth), trendRmse = Rmse(trended, test.Points, Truth);
        Assert.True(trendRmse < 0.8 * constantRmse, $"RMSE with the trend {trendRmse}, without {constantRmse}");
        var values = Predict(trended, test.Points);
        var errors = StandardErrors(trended, test.Points);
        double covered = Enumerable.Range(0, test.Count).Count(k => Math.Abs(values[k] - test.Values[k]) <= 1.96 * errors[k]) / (double)test.Count;
        Assert.InRange(covered, 0.9, 0.99);
    }

    [Fact]
    public void With_fitted_noise_the_intervals_include_the_trend_s_estimation_error_and_cover_the_noise_free_function()
    {
        // Noise hides the trend's estimation error from the leave-one-out calibration; the standard errors add its
        // average, τ²·P/n, instead. The intervals of the noise-free function must hold about 95 % of it.
        static double Truth(double[] x) => Math.Sin(3 * x[0]) * Math.Cos(2 * x[1]) + x[1] * x[1];
        var random = new DeterministicRandom(31);
        var data = Sample(4000, UnitSquare, seed: 32, x => Truth(x) + 0.1 * random.NextGaussian());
        var test = Sample(1000, UnitSquare, seed: 33, Truth);
        var model = (NearestNeighbourKrigingModel)Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("noise", "fit"),
            ("restarts", 2), ("trend", "polynomial")));
        Assert.True(model.Diagnostics.Trend!.Degree >= 2, $"degree {model.Diagnostics.Trend.Degree}");
        var values = Predict(model, test.Points);
        var errors = StandardErrors(model, test.Points);
        double covered = Enumerable.Range(0, test.Count).Count(k => Math.Abs(values[k] - test.Values[k]) <= 1.96 * errors[k]) / (double)test.Count;
        Assert.InRange(covered, 0.9, 0.99);
        Assert.True(Rmse(model, test.Points, Truth) < 0.05, $"RMSE {Rmse(model, test.Points, Truth)}");
    }

    [Fact]
    public void A_trend_where_there_is_none_or_too_large_for_the_points_is_refused_naming_the_option()
    {
        var data = Sample(300, UnitSquare, seed: 9, QuadraticWithWiggle);
        Assert.Equal("options.trend", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("approximation", "exact"), ("trend", "polynomial")))).Field);
        Assert.Equal("options.trend", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("trend", "polynomial")))).Field);
        Assert.Equal("options.trendDegree", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "constant"), ("trendDegree", 2)))).Field);
        Assert.Equal("options.trendQNorm", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "constant"), ("trendQNorm", 0.5)))).Field);
        // 'auto' is the constant on exact fits (the default approximation below the exact limit), which takes no degree.
        Assert.Equal("options.trendDegree", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("trendDegree", 2)))).Field);
        Assert.Equal("options.trendQNorm", Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("approximation", "exact"), ("trendQNorm", 0.5)))).Field);
        // 300 points, 60 held out: at most 24 terms, and degree 6 in 2 inputs has 28.
        var tooHigh = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "polynomial"), ("trendDegree", 6))));
        Assert.Equal("options.trendDegree", tooHigh.Field);
    }

    [Fact]
    public void A_document_whose_trend_is_missing_or_malformed_is_refused_naming_the_parameter()
    {
        var data = Sample(300, UnitSquare, seed: 10, QuadraticWithWiggle);
        var options = KrigingOptions(("approximation", "nearestNeighbour"), ("trend", "polynomial"), ("trendDegree", 2), ("neighbours", 10));
        var parameters = Kind.Fit(data, options).ExportParameters();

        var missing = parameters.Where(p => p.Key != PolynomialTrend.CoefficientsName).ToDictionary();
        Assert.Equal("parameters." + PolynomialTrend.CoefficientsName, Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, missing)).Field);
        var shorter = new Dictionary<string, double[]>(parameters) { [PolynomialTrend.CoefficientsName] = parameters[PolynomialTrend.CoefficientsName][1..] };
        Assert.Equal("parameters." + PolynomialTrend.CoefficientsName, Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, shorter)).Field);
        var fractional = new Dictionary<string, double[]>(parameters) { [PolynomialTrend.MultiIndicesName] = [.. parameters[PolynomialTrend.MultiIndicesName].Select(a => a + 0.5)] };
        Assert.Equal("parameters." + PolynomialTrend.MultiIndicesName, Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, fractional)).Field);
    }

    private static double[] Monomials(ReadOnlySpan<double> x) => [1, x[0], x[1], x[0] * x[0], x[0] * x[1], x[1] * x[1]];
}
