using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class WendlandTests
{
    private static readonly WendlandKind Kind = new();

    [Fact]
    public void Matches_the_reference_values()
    {
        // NUMERICS.md: x = [1, 2, 3], y = [3, 5, 7], ε = 1 → s(0.5) = 0.9375, s(1.5) = 2.5.
        var model = Kind.Fit(OneD([1, 2, 3], [3, 5, 7], 0, 4), OptionsOf(Kind));
        Assert.Equal(0.9375, Predict(model, 0.5), 1e-14);
        Assert.Equal(2.5, Predict(model, 1.5), 1e-14);
    }

    [Theory]
    [InlineData(2, 0.1875)]    // ℓ = 3: (1 − r)⁴(4r + 1) at r = 1/2
    [InlineData(3, 0.1875)]    // ℓ = 3
    [InlineData(4, 0.109375)]  // ℓ = 4: (1 − r)⁵(5r + 1) at r = 1/2
    public void The_exponent_follows_the_dimension(int dimension, double expected)
    {
        var origin = new double[dimension];
        var model = Kind.Fit(Of([origin], [1], Box.Uniform(dimension, -1, 1)), OptionsOf(Kind, ("eps", 2.0)));
        var query = new double[dimension];
        query[0] = 0.25; // r = ε·0.25 = 1/2
        Assert.Equal(expected, Predict(model, query), 1e-14);
    }

    [Fact]
    public void Interpolates_in_2d_and_vanishes_beyond_the_support()
    {
        var data = Random(20, Box.Uniform(2, 0, 1), x => Math.Exp(x[0]) * Math.Cos(2 * x[1]), seed: 8);
        var model = Kind.Fit(data, OptionsOf(Kind, ("eps", 2.0)));
        var predicted = Predict(model, data.Points);
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Values[i], predicted[i], 1e-10);
        Assert.Equal(0, Predict(model, 1.6, 1.6)); // farther than 1/ε from every point
    }

    [Fact]
    public void Closed_form_leave_one_out_equals_refitting_without_each_point()
    {
        var data = Random(15, Box.Uniform(2, 0, 1), x => x[0] * x[0] - x[1], seed: 9);
        var options = OptionsOf(Kind, ("eps", 1.5));
        var model = Kind.Fit(data, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(Kind, data, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-9);
        Assert.InRange(model.Diagnostics.ConditionNumber!.Value, 1, 1e12);
    }

    [Fact]
    public void Duplicate_points_are_rejected_by_index()
    {
        var data = OneD([1, 2, 1], [3, 5, 7], 0, 4);
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, OptionsOf(Kind)));
        Assert.Contains("0 and 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_predicts_identically_and_checks_the_coefficients()
    {
        var data = Random(12, Box.Uniform(2, 0, 1), x => x[0] + x[1], seed: 10);
        var options = OptionsOf(Kind, ("eps", 1.2));
        var model = Kind.Fit(data, options);
        var queries = Random(30, data.Box, _ => 0, seed: 11).Points;
        Assert.Equal(Predict(model, queries), Predict(RoundTrip(Kind, model, options), queries));

        var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, new Dictionary<string, double[]>()));
        Assert.Contains("coefficients", error.Message, StringComparison.Ordinal);
    }
}
