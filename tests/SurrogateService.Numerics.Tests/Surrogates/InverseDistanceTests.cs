using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class InverseDistanceTests
{
    private static readonly InverseDistanceKind Kind = new();
    private static readonly TrainingSet Reference = OneD([1, 2, 3], [4, 5, 6], 0, 10);

    [Fact]
    public void Power_one_matches_the_reference_values()
    {
        // NUMERICS.md: p = 1 → s(1.5) = 4.714285714285714, s(0) = 4.636363636363637.
        var model = Kind.Fit(Reference, OptionsOf(Kind));
        Assert.Equal(4.714285714285714, Predict(model, 1.5), 1e-14);
        Assert.Equal(4.636363636363637, Predict(model, 0.0), 1e-14);
    }

    [Fact]
    public void Power_two_matches_the_reference_value()
    {
        // NUMERICS.md: p = 2 → s(1.5) = 4.578947368421052.
        var model = Kind.Fit(Reference, OptionsOf(Kind, ("p", 2.0)));
        Assert.Equal(4.578947368421052, Predict(model, 1.5), 1e-14);
    }

    [Fact]
    public void An_exact_hit_returns_the_training_value()
    {
        var model = Kind.Fit(Reference, OptionsOf(Kind));
        Assert.Equal([4, 5, 6], Predict(model, [1.0], [2.0], [3.0]));
    }

    [Fact]
    public void Leave_one_out_equals_predicting_each_point_from_the_others()
    {
        var data = Random(25, Box.Uniform(2, -1, 1), x => Math.Sin(3 * x[0]) + x[1] * x[1], seed: 4);
        var options = OptionsOf(Kind, ("p", 2.5));
        var model = Kind.Fit(data, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(Kind, data, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-12);
    }

    [Fact]
    public void A_huge_power_neither_overflows_nor_underflows_and_tends_to_the_nearest_value()
    {
        // Raw weights 3^(−800) and 20^(−800) would both underflow to zero.
        var model = Kind.Fit(Reference, OptionsOf(Kind, ("p", 800.0)));
        Assert.Equal(6, Predict(model, 6.0), 1e-12);
        Assert.Equal(4, Predict(model, -1e-3), 1e-12);
    }

    [Fact]
    public void Duplicates_are_harmless_and_an_exact_hit_on_them_gives_their_mean()
    {
        var data = OneD([1, 2, 2], [4, 5, 7], 0, 10);
        var model = Kind.Fit(data, OptionsOf(Kind));
        Assert.Equal(6, Predict(model, 2.0), 1e-14);
        Assert.True(double.IsFinite(Predict(model, 1.5)));
    }

    [Fact]
    public void Restore_predicts_identically()
    {
        var data = Random(15, Box.Uniform(3, 0, 1), x => x.Sum(), seed: 6);
        var options = OptionsOf(Kind, ("p", 3.0));
        var model = Kind.Fit(data, options);
        var queries = Random(30, data.Box, _ => 0, seed: 7).Points;
        Assert.Equal(Predict(model, queries), Predict(RoundTrip(Kind, model, options), queries));
    }
}
