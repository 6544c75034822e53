using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.NearestNeighbour;

public class NearestNeighbourKrigingTests
{
    private static readonly TrainingSet Noisy = Sample(60, BraninBox, seed: 7, x => Math.Sin(x[0]) + 0.1 * x[1] * x[1] + 0.3 * Math.Cos(7 * x[1]));

    [Theory]
    [InlineData(KernelShape.Matern52, NoiseMode.None)]
    [InlineData(KernelShape.Matern52, NoiseMode.Fit)]
    [InlineData(KernelShape.PowerExponential, NoiseMode.Known)]
    [InlineData(KernelShape.SquaredExponential, NoiseMode.Fit)]
    public void With_all_points_as_neighbours_predictions_and_standard_errors_are_the_exact_model_s(KernelShape shape, NoiseMode mode)
    {
        double[] theta = [0.3, 0.05];
        double[] p = KernelProfiles.HasExponents(shape) ? [1.7, 1.7] : [2.0, 2.0];
        var noise = mode switch
        {
            NoiseMode.Fit => KrigingNoise.Fitted,
            NoiseMode.Known => new KrigingNoise(NoiseMode.Known, Enumerable.Range(0, Noisy.Count).Select(i => 0.01 * (1 + i % 5)).ToArray()),
            _ => KrigingNoise.None,
        };
        double noiseParameter = mode switch { NoiseMode.Fit => 0.05, NoiseMode.Known => 0.4, _ => 0 };
        const double nugget = 1e-10;
        var exact = KrigingModel.WithNugget(Noisy, new KrigingCorrelation(shape, theta, p), nugget, noise, noiseParameter);
        var settings = new NearestNeighbourSettings(shape, noise, theta, p, FitTheta: false, nugget, Seed: 0, Starts: 1, Noisy.Count - 1, Noisy.Count);
        var approximate = NearestNeighbourFit.Build(Noisy, settings, theta, p, nugget, noiseParameter, [], CancellationToken.None);

        Assert.Equal(exact.Mean, approximate.Parameters.Mean, 1e-8 * Math.Abs(exact.Mean));
        Assert.Equal(exact.ProcessVariance, approximate.Parameters.ProcessVariance, 1e-8 * exact.ProcessVariance);
        Assert.Equal(exact.Diagnostics.LogLikelihood!.Value, approximate.Diagnostics.LogLikelihood!.Value, 1e-8 * Math.Abs(exact.Diagnostics.LogLikelihood!.Value));
        var grid = BraninGrid();
        var (exactValues, exactErrors) = (Predict(exact, grid), StandardErrors(exact, grid));
        var (values, errors) = (Predict(approximate, grid), StandardErrors(approximate, grid));
        double scale = exactValues.Max(Math.Abs);
        for (int k = 0; k < grid.Count; k++)
        {
            Assert.Equal(exactValues[k], values[k], 1e-8 * scale);
            Assert.Equal(exactErrors[k], errors[k], 1e-8 * Math.Sqrt(exact.ProcessVariance));
        }
    }

    [Fact]
    public void A_model_restored_from_its_exported_parameters_predicts_the_same_bits()
    {
        var options = KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit"), ("kernel", "matern52"));
        var fitted = Kind.Fit(Noisy, options);
        Assert.IsType<NearestNeighbourKrigingModel>(fitted);
        var restored = Kind.Restore(Noisy, options, fitted.ExportParameters());
        var grid = BraninGrid();
        Assert.Equal(Predict(fitted, grid), Predict(restored, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(restored, grid));
        Assert.NotNull(fitted.Diagnostics.Approximation);
    }

    [Fact]
    public void Predictions_with_standard_errors_from_one_pass_are_the_bits_of_the_two_separate_calls()
    {
        var options = KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit"), ("kernel", "matern52"));
        var fitted = (NearestNeighbourKrigingModel)Kind.Fit(Noisy, options);
        var grid = BraninGrid();
        var values = new double[grid.Count];
        var errors = new double[grid.Count];
        ((ICancellablePrediction)fitted).PredictWithStandardError(grid, values, errors, CancellationToken.None);
        Assert.Equal(Predict(fitted, grid), values);
        Assert.Equal(StandardErrors(fitted, grid), errors);
        Assert.Throws<ArgumentException>(() => fitted.PredictWithStandardError(grid, values, new double[grid.Count - 1], CancellationToken.None));
    }

    [Fact]
    public void More_neighbours_than_points_is_refused_naming_the_option()
    {
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Noisy, KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 61))));
        Assert.Equal("options.neighbours", error.Field);
        var fewer = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Noisy, KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 10), ("predictionNeighbours", 5))));
        Assert.Equal("options.predictionNeighbours", fewer.Field);
    }

    [Fact]
    public void The_automatic_trend_is_the_polynomial_for_nearest_neighbour_fits_and_the_constant_for_exact_ones_to_the_bit()
    {
        var grid = BraninGrid();
        var nearest = Kind.Fit(Noisy, KrigingOptions(("trend", "auto"), ("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit")));
        var polynomial = Kind.Fit(Noisy, KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit"), ("trend", "polynomial")));
        Assert.NotNull(nearest.Diagnostics.Trend);
        Assert.Equal(Predict(polynomial, grid), Predict(nearest, grid));
        Assert.Equal(StandardErrors(polynomial, grid), StandardErrors(nearest, grid));

        var exact = Kind.Fit(Noisy, KrigingOptions(("noise", "fit")));
        var constant = Kind.Fit(Noisy, KrigingOptions(("noise", "fit"), ("trend", "constant")));
        Assert.IsType<KrigingModel>(exact);
        Assert.Equal(Predict(constant, grid), Predict(exact, grid));
        Assert.Equal(StandardErrors(constant, grid), StandardErrors(exact, grid));
        Assert.Equal(constant.ExportParameters(), exact.ExportParameters());

        // A fit's options record what 'auto' chose; too few points to hold any out keep the constant.
        Assert.Equal(KrigingKind.PolynomialTrendName, KrigingKind.ResolveTrend(KrigingOptions(("trend", "auto"), ("approximation", "nearestNeighbour")), Noisy).Text("trend"));
        Assert.Equal(KrigingKind.ConstantTrend, KrigingKind.ResolveTrend(KrigingOptions(("trend", "auto"), ("approximation", "exact")), Noisy).Text("trend"));
        Assert.Equal(KrigingKind.ConstantTrend, KrigingKind.ResolveTrend(KrigingOptions(), Noisy).Text("trend"));
        var four = Sample(4, BraninBox, seed: 3, x => x[0] * x[1]);
        Assert.Equal(KrigingKind.ConstantTrend, KrigingKind.ResolveTrend(KrigingOptions(("trend", "auto"), ("approximation", "nearestNeighbour"), ("neighbours", 3)), four).Text("trend"));
        Assert.Null(Kind.Fit(four, KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 3), ("theta", new[] { 0.1, 0.1 }))).Diagnostics.Trend);
        // Values all equal take no polynomial: their fit builds none, so their document must not promise one.
        var flat = Sample(60, BraninBox, seed: 4, _ => 2.5);
        Assert.Equal(KrigingKind.ConstantTrend, KrigingKind.ResolveTrend(KrigingOptions(("trend", "auto"), ("approximation", "nearestNeighbour"), ("neighbours", 8)), flat).Text("trend"));
    }

    [Fact]
    public void A_nearest_neighbour_document_without_a_trend_restores_the_ordinary_Kriging_it_was_fitted_as()
    {
        // Documents written before trend 'auto' existed: a constant trend recorded, or (older still) no trend at all,
        // which reads as the default 'auto'; their parameters carry no polynomial, so both must restore the constant model.
        var constantOptions = KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit"), ("trend", "constant"));
        var fitted = Kind.Fit(Noisy, constantOptions);
        var parameters = fitted.ExportParameters();
        var grid = BraninGrid();
        var withoutTrend = Kind.Restore(Noisy, KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8), ("noise", "fit")), parameters);
        Assert.Null(fitted.Diagnostics.Trend);
        Assert.Equal(Predict(fitted, grid), Predict(withoutTrend, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(withoutTrend, grid));
        Assert.Equal(parameters, withoutTrend.ExportParameters());
    }

    [Fact]
    public void Auto_fits_exactly_up_to_the_exact_limit()
    {
        Assert.IsType<KrigingModel>(Kind.Fit(Noisy, KrigingOptions()));
        Assert.False(KrigingKind.IsNearestNeighbour(Noisy, KrigingOptions()));
        Assert.True(KrigingKind.IsNearestNeighbour(Sample(KrigingKind.DefaultExactLimit + 1, BraninBox, 1, x => x[0]), KrigingOptions()));
    }

    [Fact]
    public void On_two_thousand_points_predictions_approach_the_exact_model_as_neighbours_grow_and_are_calibrated()
    {
        // Against the exact model at the same hyperparameters (the fit's θ comes from an exact search on 1 000 of the
        // points). Smooth data give long correlation lengths, so distant points still matter: more prediction
        // neighbours than the default 4·m close the gap further (docs/large-data.md).
        var box = new Box([0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]);
        static double Truth(double[] x) => Math.Sin(3 * x[0]) + Math.Cos(2 * x[1]) * x[2] + x[3] * x[3];
        var data = Sample(2000, box, seed: 11, Truth);
        var test = Sample(300, box, seed: 12, Truth);
        // Ordinary Kriging on both sides: the question is how close the approximation comes to the same process.
        var options = KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("restarts", 2), ("trend", "constant"));
        var approximate = (NearestNeighbourKrigingModel)Kind.Fit(data, options);
        // The exact model gets its own jitter (at least the approximation's): the approximation's was checked on
        // blocks of neighbours only, and at the long correlation lengths smooth data give, all 2 000 points at
        // once can need more.
        var exact = KrigingModel.WithJitter(data, new KrigingCorrelation(KernelShape.Matern52, approximate.Theta.ToArray(), [2, 2, 2, 2]),
            approximate.Nugget, []);
        var wider = Kind.Restore(data, KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("predictionNeighbours", 240), ("trend", "constant")),
            approximate.ExportParameters());
        double exactRmse = Rmse(exact, test), defaultRmse = Rmse(approximate, test), widerRmse = Rmse(wider, test);
        Assert.True(widerRmse < defaultRmse && widerRmse <= 1.5 * exactRmse, $"nearest-neighbour RMSE {defaultRmse} (120 neighbours), {widerRmse} (240), exact {exactRmse}");
        var errors = StandardErrors(approximate, test.Points);
        var values = Predict(approximate, test.Points);
        double covered = Enumerable.Range(0, test.Count).Count(k => Math.Abs(values[k] - test.Values[k]) <= 1.96 * errors[k]) / (double)test.Count;
        // σ² is calibrated on leave-one-out errors of 1 000 training points; the diagnostics check it on 1 000 others.
        Assert.InRange(covered, 0.9, 0.99);
        Assert.InRange(approximate.Diagnostics.LeaveOneOutStandardisedSpread!.Value, 0.8, 1.25);
    }

    [Fact]
    public void With_fitted_noise_on_four_thousand_points_the_intervals_cover_the_noise_free_function_as_stated()
    {
        // θ and the noise ratio come from an exact search on 1 000 of the points, σ² is calibrated on leave-one-out
        // errors of 1 000 others: the 95 % intervals of the noise-free function should hold about 95 % of it.
        var box = new Box([0.0, 0.0], [1.0, 1.0]);
        static double Truth(double[] x) => Math.Sin(6 * x[0]) * Math.Cos(4 * x[1]) + x[1];
        var random = new DeterministicRandom(21);
        var data = Sample(4000, box, seed: 22, x => Truth(x) + 0.1 * random.NextGaussian());
        var test = Sample(1000, box, seed: 23, Truth);
        var model = (NearestNeighbourKrigingModel)Kind.Fit(data, KrigingOptions(("approximation", "nearestNeighbour"), ("kernel", "matern52"), ("noise", "fit"), ("restarts", 2)));
        var values = Predict(model, test.Points);
        var errors = StandardErrors(model, test.Points);
        double covered = Enumerable.Range(0, test.Count).Count(k => Math.Abs(values[k] - test.Values[k]) <= 1.96 * errors[k]) / (double)test.Count;
        Assert.InRange(covered, 0.9, 0.99);
        Assert.InRange(model.ObservationNoiseVariance!.Value, 0.5 * 0.01, 2 * 0.01);
        // Averaging thousands of noisy values must beat the noise itself by a wide margin.
        Assert.True(Rmse(model, test) < 0.05, $"RMSE {Rmse(model, test)}");
    }

    private static double Rmse(ISurrogateModel model, TrainingSet test)
    {
        var values = Predict(model, test.Points);
        return Math.Sqrt(values.Select((v, k) => (v - test.Values[k]) * (v - test.Values[k])).Average());
    }
}
