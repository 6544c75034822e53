using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class GradientEnhancedKrigingTests
{
    public static TheoryData<string> Kernels => new() { "squaredExponential", "matern32", "matern52", "powerExponential" };

    [Theory]
    [InlineData(KernelShape.SquaredExponential)]
    [InlineData(KernelShape.Matern32)]
    [InlineData(KernelShape.Matern52)]
    public void Kernel_derivatives_in_s_match_central_differences(KernelShape shape)
    {
        foreach (double s in new[] { 0.01, 0.3, 1.7, 6.0 })
        {
            const double h = 1e-5;
            var (r, r1, r2, r3) = KernelProfiles.Derivatives(shape, s);
            var (up, up1, up2, _) = KernelProfiles.Derivatives(shape, s + h);
            var (down, down1, down2, _) = KernelProfiles.Derivatives(shape, s - h);
            Assert.Equal(r, KernelValue(shape, s), 14);
            Assert.Equal((up - down) / (2 * h), r1, 1e-7 * (1 + Math.Abs(r1)));
            Assert.Equal((up1 - down1) / (2 * h), r2, 1e-6 * (1 + Math.Abs(r2)));
            Assert.Equal((up2 - down2) / (2 * h), r3, 1e-5 * (1 + Math.Abs(r3)));
        }
    }

    [Theory]
    [InlineData(KernelShape.SquaredExponential)]
    [InlineData(KernelShape.Matern32)]
    [InlineData(KernelShape.Matern52)]
    public void Covariance_blocks_are_the_derivatives_of_the_kernel_in_each_point_and_in_theta(KernelShape shape)
    {
        double[] theta = [0.7, 1.9, 0.4];
        double[] a = [0.3, -0.2, 0.5], b = [-0.1, 0.25, 0.9];
        var covariance = new GradientCovariance(shape, theta);
        int d = 3, width = d + 1;
        var block = new double[covariance.BlockSize];
        covariance.Block(a, b, block);
        double Corr(double[] x, double[] y, double[] t) => KernelValue(shape, Enumerable.Range(0, d).Sum(l => t[l] * (x[l] - y[l]) * (x[l] - y[l])));
        const double h = 1e-5;
        Assert.Equal(Corr(a, b, theta), block[0], 14);
        for (int l = 0; l < d; l++)
        {
            Assert.Equal((Corr(a, Shift(b, l, h), theta) - Corr(a, Shift(b, l, -h), theta)) / (2 * h), block[1 + l], 1e-8);
            Assert.Equal((Corr(Shift(a, l, h), b, theta) - Corr(Shift(a, l, -h), b, theta)) / (2 * h), block[(1 + l) * width], 1e-8);
        }
        for (int k = 0; k < d; k++)
        {
            for (int l = 0; l < d; l++)
            {
                double mixed = (Corr(Shift(a, k, h), Shift(b, l, h), theta) - Corr(Shift(a, k, h), Shift(b, l, -h), theta)
                    - Corr(Shift(a, k, -h), Shift(b, l, h), theta) + Corr(Shift(a, k, -h), Shift(b, l, -h), theta)) / (4 * h * h);
                Assert.Equal(mixed, block[(1 + k) * width + 1 + l], 1e-5);
            }
        }

        var derivatives = new double[d * covariance.BlockSize];
        covariance.ThetaDerivatives(a, b, derivatives);
        for (int m = 0; m < d; m++)
        {
            var up = new double[covariance.BlockSize];
            var down = new double[covariance.BlockSize];
            new GradientCovariance(shape, Shift(theta, m, h)).Block(a, b, up);
            new GradientCovariance(shape, Shift(theta, m, -h)).Block(a, b, down);
            for (int e = 0; e < covariance.BlockSize; e++)
                Assert.Equal((up[e] - down[e]) / (2 * h), derivatives[m * covariance.BlockSize + e], 1e-7);
        }
    }

    [Theory]
    [InlineData(KernelShape.SquaredExponential)]
    [InlineData(KernelShape.Matern52)]
    public void The_likelihood_gradient_matches_central_differences(KernelShape shape)
    {
        var observations = new GradientObservations(BraninWithGradients(8, everyOther: true));
        double[] theta = [0.05, 0.02];
        const double nugget = 1e-10;
        var covariance = new GradientCovariance(shape, theta);
        var solution = GradientEnhancedSolution.Solve(observations, covariance, nugget)!;
        var gradient = new double[2];
        solution.ThetaGradient(observations, covariance, nugget, gradient);
        for (int m = 0; m < 2; m++)
        {
            double h = 1e-6 * theta[m];
            double up = GradientEnhancedSolution.Solve(observations, new GradientCovariance(shape, Shift(theta, m, h)), nugget)!.LogLikelihood;
            double down = GradientEnhancedSolution.Solve(observations, new GradientCovariance(shape, Shift(theta, m, -h)), nugget)!.LogLikelihood;
            Assert.Equal((up - down) / (2 * h), gradient[m], 1e-5 * (1 + Math.Abs(gradient[m])));
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_model_interpolates_values_and_gradients_with_zero_standard_error_at_the_data(string kernel)
    {
        var data = BraninWithGradients(10, everyOther: true);
        var model = (GradientEnhancedKrigingModel)Kind.Fit(data, KrigingOptions(("kernel", kernel)));
        var predicted = Predict(model, data.Points);
        var gradients = new double[data.Count * 2];
        model.Gradient(data.Points, gradients);
        var errors = StandardErrors(model, data.Points);
        double scale = data.Values.Max() - data.Values.Min();
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(data.Values[i], predicted[i], 1e-6 * scale);
            Assert.True(errors[i] < 1e-4 * scale, $"standard error {errors[i]} at point {i}");
            if (data.Gradients![i] is { } given)
            {
                for (int l = 0; l < 2; l++)
                    Assert.Equal(given[l], gradients[i * 2 + l], 1e-5 * scale);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_model_gradient_matches_differences_of_its_predictions(string kernel)
    {
        // θ given, moderate: maximum likelihood picks very long correlations on Branin, whose rounding
        // noise (condition number about 1e14) would swamp any finite difference.
        var model = Kind.Fit(BraninWithGradients(12, everyOther: false), KrigingOptions(("kernel", kernel), ("theta", new[] { 0.05, 0.02 })));
        var points = new PointSet([1.3, 7.1, -2.2, 11.9], 2, 2);
        var gradients = new double[4];
        ((IDifferentiableModel)model).Gradient(points, gradients);
        // h large enough that rounding in the (ill-conditioned) weights stays below the tolerance; the
        // five-point stencil keeps the truncation error at O(h⁴).
        const double h = 1e-3;
        for (int q = 0; q < 2; q++)
        {
            for (int l = 0; l < 2; l++)
            {
                var shifted = new PointSet(4, 2);
                double[] steps = [2 * h, h, -h, -2 * h];
                for (int k = 0; k < 4; k++)
                {
                    points[q].CopyTo(shifted[k]);
                    shifted[k][l] += steps[k];
                }
                var v = Predict(model, shifted);
                double difference = (-v[0] + 8 * v[1] - 8 * v[2] + v[3]) / (12 * h);
                Assert.Equal(difference, gradients[q * 2 + l], 1e-6 * (1 + Math.Abs(difference)));
            }
        }
    }

    [Fact]
    public void Leave_one_out_equals_refitting_without_the_point_and_its_gradient()
    {
        var data = BraninWithGradients(9, everyOther: true);
        var options = KrigingOptions(("kernel", "squaredExponential"), ("theta", new[] { 0.04, 0.015 }), ("nugget", 1e-12));
        var model = Kind.Fit(data, options);
        double sumOfSquares = 0;
        for (int i = 0; i < data.Count; i++)
        {
            var keep = Enumerable.Range(0, data.Count).Where(j => j != i).ToArray();
            var points = new PointSet(keep.Length, 2);
            for (int k = 0; k < keep.Length; k++)
                data.Points[keep[k]].CopyTo(points[k]);
            var reduced = new TrainingSet(points, keep.Select(j => data.Values[j]).ToArray(), data.Box, gradients: keep.Select(j => data.Gradients![j]).ToArray());
            var refitted = Kind.Fit(reduced, options);
            double error = Predict(refitted, new PointSet(data.Points[i].ToArray(), 1, 2))[0] - data.Values[i];
            sumOfSquares += error * error;
        }
        Assert.Equal(Math.Sqrt(sumOfSquares / data.Count), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-6);
    }

    [Fact]
    public void A_restored_model_predicts_exactly_like_the_fitted_one()
    {
        var data = BraninWithGradients(10, everyOther: true);
        var options = KrigingOptions(("kernel", "matern52"));
        var fitted = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, fitted.ExportParameters());
        var grid = BraninGrid();
        Assert.Equal(Predict(fitted, grid), Predict(restored, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(restored, grid));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(16)]
    public void On_branin_n_points_with_gradients_beat_plain_kriging_on_three_halves_as_many(int n)
    {
        var options = KrigingOptions(("kernel", "matern52"));
        var withGradients = Kind.Fit(SobolDesign(Branin2(), n, withGradients: true), options);
        var plain = Kind.Fit(SobolDesign(Branin2(), 3 * n / 2, withGradients: false), options);
        var grid = BraninGrid();
        double gek = Rmse(withGradients, grid, x => Branin(x)), kriging = Rmse(plain, grid, x => Branin(x));
        Assert.True(gek <= kriging, $"GEK with {n} points {gek}, Kriging with {3 * n / 2} points {kriging}");
    }

    [Fact]
    public void A_point_s_standard_error_has_the_same_bits_alone_as_in_a_large_batch()
    {
        // The batch goes through the blocked solve in blocks of 64 on all cores, a lone point through its scalar columns.
        var model = Kind.Fit(SobolDesign(Branin2(), 12, withGradients: true), KrigingOptions(("kernel", "matern52")));
        var grid = BraninGrid();
        var batch = StandardErrors(model, grid);
        foreach (int k in new[] { 0, 63, 64, 1000, grid.Count - 1 })
            Assert.Equal(batch[k], StandardErrors(model, grid.Slice(k, 1))[0]);
    }

    [Fact]
    public void The_standard_error_is_honest_on_held_out_points()
    {
        var model = Kind.Fit(SobolDesign(Branin2(), 12, withGradients: true), KrigingOptions(("kernel", "matern52")));
        var grid = BraninGrid();
        var predicted = Predict(model, grid);
        var errors = StandardErrors(model, grid);
        int inside = Enumerable.Range(0, grid.Count).Count(k => Math.Abs(predicted[k] - Branin(grid[k])) <= 1.96 * errors[k]);
        Assert.InRange(inside / (double)grid.Count, 0.8, 1.0);
    }

    [Theory]
    [InlineData("kernel", "powerExponential", "p", 1.5, "options.p")]
    [InlineData("noise", "fit", null, null, "options.noise")]
    [InlineData("fitP", true, null, null, "options.fitP")]
    public void Options_that_cannot_go_with_gradients_are_refused_naming_the_field(string name, object value, string? other, object? otherValue, string field)
    {
        var given = new List<(string, object)> { (name, value) };
        if (other is not null)
            given.Add((other, otherValue!));
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(BraninWithGradients(6, everyOther: false), KrigingOptions([.. given])));
        Assert.Equal(field, error.Field);
    }

    private static Branin Branin2() => new();

    private static TrainingSet SobolDesign(Branin function, int n, bool withGradients)
    {
        var sobol = new SobolSampling();
        var points = sobol.Sample(n, BraninBox, new OptionValues(sobol.Options, new Dictionary<string, object>()), 1);
        var values = new double[n];
        var gradients = new double[]?[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = function.Evaluate(points[i]);
            gradients[i] = new double[2];
            function.Gradient(points[i], gradients[i]);
        }
        return new TrainingSet(points, values, BraninBox, gradients: withGradients ? gradients : null);
    }

    /// <summary>Seeded Branin points with the analytic gradient at all of them, or at every other one.</summary>
    private static TrainingSet BraninWithGradients(int n, bool everyOther)
    {
        var sample = BraninSample(n, 7);
        var gradients = new double[]?[n];
        for (int i = 0; i < n; i++)
        {
            if (everyOther && i % 2 == 1)
                continue;
            gradients[i] = new double[2];
            Branin2().Gradient(sample.Points[i], gradients[i]);
        }
        return new TrainingSet(sample.Points, sample.Values, sample.Box, gradients: gradients);
    }

    private static double KernelValue(KernelShape shape, double s)
    {
        var values = new[] { s };
        KernelProfiles.ApplyInPlace(shape, values);
        return values[0];
    }

    private static double[] Shift(double[] x, int l, double h)
    {
        var shifted = (double[])x.Clone();
        shifted[l] += h;
        return shifted;
    }
}
