using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.Options;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class RadialBasisTests
{
    private static readonly RadialBasisKind Kind = new();

    public static readonly TheoryData<string> Kernels = ["linear", "cubic", "thinPlate", "multiquadric", "gaussian", "quintic"];

    // Ten points in Branin's domain with Branin's values, and four query points.
    private static readonly Box BraninBox = new([-5, 0], [10, 15]);
    private static readonly double[][] BraninPoints =
    [
        [-5, 0], [10, 15], [2.5, 7.5], [-1.25, 11.25], [6.25, 3.75],
        [0.625, 1.875], [8.125, 9.375], [-3.125, 5.625], [4.375, 13.125], [-4.0625, 14.0625],
    ];
    private static readonly double[] BraninValues =
    [
        308.12909601160663, 145.87219087939556, 24.129964413622268, 22.38348248499986, 26.624171220014908,
        27.904093553206998, 67.9289005871506, 44.09341700730615, 141.73797332329286, 4.4762395820058805,
    ];
    private static readonly double[][] BraninQueries = [[0, 5], [3, 3], [-2, 12], [9, 1]];

    // Six points of sin(x) + 0.1x² on [0, 5], and four query points.
    private static readonly double[] CurveX = [0, 0.7, 1.5, 2.2, 3.0, 4.1];
    private static readonly double[] CurveY = [0.0, 0.6932176872376911, 1.2224949866040544, 1.2924964038195903, 1.0411200080598673, 0.8627228889355897];
    private static readonly double[][] CurveQueries = [[0.3], [1.9], [3.6], [5.0]];

    private static TrainingSet Branin => Of(BraninPoints, BraninValues, BraninBox);

    [Fact]
    public void Linear_kernel_with_linear_tail_extrapolates_the_line_through_the_data()
    {
        // NUMERICS.md: x = [1, 2, 3], y = [4, 5, 6] → s(0) = 3, s(4) = 7.
        var model = Kind.Fit(OneD([1, 2, 3], [4, 5, 6], 0, 10), OptionsOf(Kind, ("kernel", "linear")));
        Assert.Equal(3, Predict(model, 0.0), 1e-12);
        Assert.Equal(7, Predict(model, 4.0), 1e-12);
    }

    // Reference values from scipy 1.10.1 scipy.interpolate.RBFInterpolator on the same data,
    // with kernel, degree, smoothing as named and epsilon = 1/scale.
    public static readonly TheoryData<string, double, int, double, double[]> ScipyBranin = new()
    {
        { "thinPlate", 1, 1, 0, [4.962910375250033, 5.1462219545899615, 17.574008705250463, 48.29932600256624] },
        { "multiquadric", 2, 1, 0, [5.796284981666293, 5.402318269471785, 16.87088572593069, 61.52024696515227] },
        { "gaussian", 1 / 0.3, -1, 0, [24.43586656180977, 17.4279520306092, 17.432649942042826, 6.018311038867172] },
        { "linear", 1, 1, 0.1, [24.59729192375382, 22.52711056058488, 21.016681423001604, 66.83860513367009] },
        { "cubic", 1, 2, 0, [3.251660232874894, 5.926017670181761, 18.460961546389935, 13.583705432099165] },
    };

    [Theory]
    [MemberData(nameof(ScipyBranin))]
    public void Agrees_with_scipy_in_2d(string kernel, double scale, int degree, double smoothing, double[] expected)
    {
        var model = Kind.Fit(Branin, OptionsOf(Kind, ("kernel", kernel), ("scale", scale), ("degree", degree), ("smoothing", smoothing)));
        var predicted = Predict(model, BraninQueries);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], predicted[i], 1e-9 * Math.Max(1, Math.Abs(expected[i])));
    }

    public static readonly TheoryData<string, int, double, double[]> ScipyCurve = new()
    {
        { "cubic", 1, 0.5, [0.32090253969464666, 1.2751318269137275, 0.9486418802515106, 0.6967993409615691] },
        { "quintic", 2, 0, [0.3153998570758523, 1.3104288397138817, 0.8819596747956072, 1.120086385963414] },
    };

    [Theory]
    [MemberData(nameof(ScipyCurve))]
    public void Agrees_with_scipy_in_1d(string kernel, int degree, double smoothing, double[] expected)
    {
        // Same scipy version and convention as above (epsilon = 1).
        var model = Kind.Fit(OneD(CurveX, CurveY, 0, 5), OptionsOf(Kind, ("kernel", kernel), ("degree", degree), ("smoothing", smoothing)));
        var predicted = Predict(model, CurveQueries);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], predicted[i], 1e-10);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_kernel_interpolates_the_training_values(string kernel)
    {
        var model = Kind.Fit(Branin, OptionsOf(Kind, ("kernel", kernel), ("scale", 5.0)));
        var predicted = Predict(model, BraninPoints);
        for (int i = 0; i < BraninValues.Length; i++)
            Assert.Equal(BraninValues[i], predicted[i], 1e-8 * 300);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_kernel_reproduces_a_linear_function_exactly_in_2d(string kernel)
    {
        static double Plane(double[] x) => 3 - 2 * x[0] + 0.5 * x[1];
        var data = Random(12, BraninBox, Plane, seed: 1);
        var model = Kind.Fit(data, OptionsOf(Kind, ("kernel", kernel), ("scale", 5.0)));
        var queries = Random(50, BraninBox, Plane, seed: 2);
        var predicted = Predict(model, queries.Points);
        for (int i = 0; i < queries.Count; i++)
            Assert.Equal(queries.Values[i], predicted[i], 1e-8);
    }

    [Fact]
    public void Tail_degree_below_the_kernel_minimum_is_raised_with_a_warning()
    {
        var options = OptionsOf(Kind, ("kernel", "quintic"), ("degree", 0));
        var model = Kind.Fit(Branin, options);
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("raised from 0 to 2", StringComparison.Ordinal));
        Assert.Equal(6, model.ExportParameters()["tailCoefficients"].Length); // 1, x1, x2, x1·x2, x1², x2²
    }

    [Fact]
    public void Closed_form_leave_one_out_equals_refitting_without_each_point()
    {
        var options = OptionsOf(Kind, ("kernel", "cubic"));
        var model = Kind.Fit(Branin, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(Kind, Branin, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-8);
    }

    [Fact]
    public void Closed_form_leave_one_out_holds_with_smoothing_too()
    {
        var options = OptionsOf(Kind, ("kernel", "thinPlate"), ("smoothing", 2.0));
        var model = Kind.Fit(Branin, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(Kind, Branin, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-8);
        Assert.Equal(2.0, model.Diagnostics.Nugget);
    }

    [Fact]
    public void Reports_a_condition_number_and_warns_when_it_is_huge()
    {
        var healthy = Kind.Fit(Branin, OptionsOf(Kind));
        Assert.InRange(healthy.Diagnostics.ConditionNumber!.Value, 1, 1e12);
        Assert.Empty(healthy.Diagnostics.Warnings);

        // A very wide Gaussian makes every column nearly the same.
        var flat = Kind.Fit(Branin, OptionsOf(Kind, ("kernel", "gaussian"), ("scale", 200.0)));
        Assert.True(flat.Diagnostics.ConditionNumber > 1e12);
        Assert.Contains(flat.Diagnostics.Warnings, w => w.Contains("ill-conditioned", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_points_are_rejected_by_index_unless_smoothing()
    {
        var data = Of([[0, 0], [1, 0], [0, 1], [1, 0]], [1, 2, 3, 4], Box.Uniform(2, 0, 1));
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, OptionsOf(Kind)));
        Assert.Contains("point 3 repeats 1", error.Message, StringComparison.Ordinal);
        var smoothed = Kind.Fit(data, OptionsOf(Kind, ("smoothing", 0.1)));
        Assert.True(double.IsFinite(Predict(smoothed, 1.0, 0.0)));
    }

    [Fact]
    public void Collinear_points_cannot_determine_a_linear_tail_in_2d()
    {
        var data = Of([[0, 0], [1, 1], [2, 2], [3, 3]], [1, 2, 3, 4], Box.Uniform(2, 0, 3));
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, OptionsOf(Kind)));
        Assert.Contains("polynomial tail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_points_for_the_tail_are_rejected()
    {
        var data = Of([[0, 0], [1, 1]], [1, 2], Box.Uniform(2, 0, 1));
        Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, OptionsOf(Kind)));
        var noTail = Kind.Fit(data, OptionsOf(Kind, ("kernel", "gaussian"), ("degree", -1)));
        Assert.Equal(2, Predict(noTail, 1.0, 1.0), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Restoring_exported_parameters_predicts_identically(string kernel)
    {
        var options = OptionsOf(Kind, ("kernel", kernel), ("scale", 4.0));
        var model = Kind.Fit(Branin, options);
        var restored = RoundTrip(Kind, model, options);
        var queries = Random(20, BraninBox, _ => 0, seed: 3).Points;
        Assert.Equal(Predict(model, queries), Predict(restored, queries));
    }

    [Fact]
    public void Restore_names_a_bad_parameter()
    {
        var options = OptionsOf(Kind);
        var parameters = new Dictionary<string, double[]>(Kind.Fit(Branin, options).ExportParameters());
        parameters["tailCoefficients"] = [1, 2];
        var wrongLength = Assert.Throws<SurrogateFitException>(() => Kind.Restore(Branin, options, parameters));
        Assert.Contains("tailCoefficients", wrongLength.Message, StringComparison.Ordinal);
        Assert.Equal("parameters.tailCoefficients", wrongLength.Field);

        parameters = new Dictionary<string, double[]>(Kind.Fit(Branin, options).ExportParameters());
        parameters["coefficients"][4] = double.NaN;
        var notFinite = Assert.Throws<SurrogateFitException>(() => Kind.Restore(Branin, options, parameters));
        Assert.Contains("coefficients", notFinite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smoothing_fit_chooses_by_leave_one_out_and_smooths_noisy_data()
    {
        // Branin plus noise of sd 5 at 100 random points: interpolating the noise is worse than smoothing it.
        var clean = KrigingTestData.BraninSample(100, seed: 12);
        var random = new DeterministicRandom(77);
        var noisy = new TrainingSet(clean.Points, clean.Values.Select(v => v + 5 * random.NextGaussian()).ToArray(), clean.Box);
        var fitted = Kind.Fit(noisy, new OptionValues(Kind.Options, new Dictionary<string, object> { ["smoothing"] = "fit" }));
        var interpolating = Kind.Fit(noisy, OptionValues.Defaults(Kind.Options));

        Assert.True(fitted.Diagnostics.Nugget > 0, "noisy data call for smoothing");
        Assert.True(fitted.Diagnostics.LeaveOneOutRmse < interpolating.Diagnostics.LeaveOneOutRmse);
        var grid = KrigingTestData.BraninGrid();
        Assert.True(KrigingTestData.Rmse(fitted, grid, x => KrigingTestData.Branin(x)) < KrigingTestData.Rmse(interpolating, grid, x => KrigingTestData.Branin(x)));

        // Exact smooth data: interpolation (or next to none) wins the cross-validation.
        var exact = Kind.Fit(clean, new OptionValues(Kind.Options, new Dictionary<string, object> { ["smoothing"] = "fit" }));
        Assert.True(exact.Diagnostics.LeaveOneOutRmse <= Kind.Fit(clean, OptionValues.Defaults(Kind.Options)).Diagnostics.LeaveOneOutRmse);
    }
}
