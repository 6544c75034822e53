using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class PolynomialRegressionTests
{
    private static readonly PolynomialRegressionKind Linear = PolynomialRegressionKind.Linear;
    private static readonly PolynomialRegressionKind SecondOrder = PolynomialRegressionKind.SecondOrder;

    public static readonly TheoryData<string> Kinds = ["linear", "secondOrder"];

    private static PolynomialRegressionKind KindNamed(string name) => name == "linear" ? Linear : SecondOrder;

    [Fact]
    public void Second_order_through_three_points_of_a_parabola_matches_the_reference()
    {
        // NUMERICS.md: x = [0, 1, 2], y = [0, 1, 4] → s(1.5) = 2.25.
        var model = SecondOrder.Fit(OneD([0, 1, 2], [0, 1, 4], 0, 2), OptionsOf(SecondOrder));
        Assert.Equal(2.25, Predict(model, 1.5), 1e-12);
    }

    [Fact]
    public void Linear_fit_has_an_intercept_and_the_least_squares_slope()
    {
        // y = 1, 3, 2, 5 at x = 0..3: slope 5.5/5 = 1.1, intercept 2.75 − 1.1·1.5 = 1.1.
        var model = Linear.Fit(OneD([0, 1, 2, 3], [1, 3, 2, 5], -1, 4), OptionsOf(Linear));
        Assert.Equal(1.1, Predict(model, 0.0), 1e-12);
        Assert.Equal(1.1 + 1.1 * 10, Predict(model, 10.0), 1e-12);
    }

    [Fact]
    public void Linear_recovers_an_affine_function_in_3d()
    {
        static double Affine(double[] x) => 7 - x[0] + 2 * x[1] - 0.5 * x[2];
        var data = Random(10, new Box([100, -5, 0], [101, 5, 1e4]), Affine, seed: 17);
        var model = Linear.Fit(data, OptionsOf(Linear));
        var queries = Random(20, data.Box, Affine, seed: 18);
        var predicted = Predict(model, queries.Points);
        for (int i = 0; i < queries.Count; i++)
            Assert.Equal(queries.Values[i], predicted[i], 1e-8 * Math.Abs(queries.Values[i]));
    }

    [Fact]
    public void Second_order_recovers_a_quadratic_with_a_cross_term_in_2d()
    {
        static double Quadratic(double[] x) => 1 + x[0] - 2 * x[1] + 3 * x[0] * x[1] - x[0] * x[0] + 0.5 * x[1] * x[1];
        var data = Random(8, Box.Uniform(2, -3, 3), Quadratic, seed: 19);
        var model = SecondOrder.Fit(data, OptionsOf(SecondOrder));
        var queries = Random(20, data.Box, Quadratic, seed: 20);
        var predicted = Predict(model, queries.Points);
        for (int i = 0; i < queries.Count; i++)
            Assert.Equal(queries.Values[i], predicted[i], 1e-10);
    }

    [Fact]
    public void Minimum_points_is_the_number_of_coefficients()
    {
        Assert.Equal(4, Linear.MinimumPoints(3));
        Assert.Equal(10, SecondOrder.MinimumPoints(3)); // 1, x1..x3, three cross terms, three squares
        var tooFew = Random(9, Box.Uniform(3, 0, 1), x => x[0], seed: 21);
        Assert.Throws<SurrogateFitException>(() => SecondOrder.Fit(tooFew, OptionsOf(SecondOrder)));
    }

    [Fact]
    public void Rank_deficient_data_names_the_dependent_term()
    {
        // x2 never varies: its column is a multiple of the constant.
        var flat = Of([[0, 1], [1, 1], [2, 1], [3, 1]], [1, 2, 3, 4], Box.Uniform(2, 0, 3));
        var error = Assert.Throws<SurrogateFitException>(() => Linear.Fit(flat, OptionsOf(Linear)));
        Assert.Contains("x2", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Field); // the training points are at fault, not an option

        // Two distinct values of x cannot fix a parabola.
        var twoValues = OneD([0, 0, 1, 1], [0, 1, 2, 3], 0, 1);
        error = Assert.Throws<SurrogateFitException>(() => SecondOrder.Fit(twoValues, OptionsOf(SecondOrder)));
        Assert.Contains("x1²", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Press_leave_one_out_equals_refitting_without_each_point(string name)
    {
        var kind = KindNamed(name);
        var data = Random(15, Box.Uniform(2, -1, 1), x => Math.Exp(x[0]) - Math.Sin(2 * x[1]), seed: 22);
        var options = OptionsOf(kind);
        var model = kind.Fit(data, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(kind, data, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-10);
    }

    [Fact]
    public void Leave_one_out_is_undefined_when_there_are_as_many_points_as_coefficients()
    {
        var model = SecondOrder.Fit(OneD([0, 1, 2], [0, 1, 4], 0, 2), OptionsOf(SecondOrder));
        Assert.Null(model.Diagnostics.LeaveOneOutRmse);
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("leave-one-out", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Restore_predicts_identically_and_checks_the_length(string name)
    {
        var kind = KindNamed(name);
        var data = Random(12, Box.Uniform(2, 0, 1), x => x[0] * x[1], seed: 23);
        var options = OptionsOf(kind);
        var model = kind.Fit(data, options);
        var queries = Random(30, data.Box, _ => 0, seed: 24).Points;
        Assert.Equal(Predict(model, queries), Predict(RoundTrip(kind, model, options), queries));

        var wrong = new Dictionary<string, double[]> { ["coefficients"] = [1, 2] };
        var error = Assert.Throws<SurrogateFitException>(() => kind.Restore(data, options, wrong));
        Assert.Contains("coefficients", error.Message, StringComparison.Ordinal);
    }
}
