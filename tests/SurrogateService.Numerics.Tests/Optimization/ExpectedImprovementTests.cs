using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Tests.Optimization;

public class ExpectedImprovementTests
{
    [Fact]
    public void Matches_the_closed_form_at_z_equal_one()
    {
        // μ = 0, s = 1, f_min = 1, ξ = 0 → z = 1: EI = Φ(1) + φ(1) (tabulated values).
        double expected = 0.8413447460685429 + 0.24197072451914337;
        Assert.Equal(expected, ExpectedImprovement.Value(0, 1, 1, 0), 1e-14);
    }

    [Fact]
    public void Is_s_times_phi_of_zero_when_the_mean_equals_the_target()
    {
        // f_min − μ − ξ = 0 → EI = s·φ(0) = s/√(2π).
        Assert.Equal(2.5 / Math.Sqrt(2 * Math.PI), ExpectedImprovement.Value(1.0, 2.5, 1.01, 0.01), 1e-14);
    }

    [Fact]
    public void Scales_with_the_standard_error()
    {
        // EI(μ, s; f_min) = s·h((f_min − μ − ξ)/s): doubling s and the gap doubles EI.
        double small = ExpectedImprovement.Value(0, 0.3, -0.2, 0.01);
        double large = ExpectedImprovement.Value(0, 0.6, -0.40, 0.02);
        Assert.Equal(2 * small, large, 1e-14);
    }

    [Fact]
    public void Without_uncertainty_is_the_plain_improvement()
    {
        Assert.Equal(0.49, ExpectedImprovement.Value(0.5, 0, 1, 0.01), 1e-14);
        Assert.Equal(0, ExpectedImprovement.Value(1.5, 0, 1, 0.01));
        Assert.Equal(double.NegativeInfinity, ExpectedImprovement.Log(1.5, 0, 1, 0.01));
    }

    [Fact]
    public void Log_stays_finite_and_accurate_far_in_the_tail()
    {
        // z = −40: h(z) = φ(40)·40⁻²·(1 − 3·40⁻² + 15·40⁻⁴ − …), so
        // ln h = −800 − ½ln(2π) − ln 1600 + ln(1 − 0.001875 + 0.00000586) = −808.29856836 (to 1e-8).
        Assert.Equal(-808.29856836, ExpectedImprovement.Log(40, 1, 0, 0), 1e-7);
        Assert.Equal(0, ExpectedImprovement.Value(40, 1, 0, 0));
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(-30)]
    public void Log_is_continuous_where_its_evaluation_changes_method(double z)
    {
        // ln h(z) has derivative Φ(z)/h(z) ≈ −z in the tail; across a branch the values must join up.
        double below = ExpectedImprovement.Log(-(z - 1e-7), 1, 0, 0);
        double above = ExpectedImprovement.Log(-(z + 1e-7), 1, 0, 0);
        Assert.InRange(Math.Abs(above - below), 0, 2e-7 * (Math.Abs(z) + 1) * 1.01);
    }

    [Fact]
    public void Log_is_increasing_in_the_gap()
    {
        double previous = double.NegativeInfinity;
        for (double gap = -60; gap <= 5; gap += 0.25)
        {
            double value = ExpectedImprovement.Log(-gap, 1, 0, 0);
            Assert.True(value > previous, $"ln EI not increasing at gap {gap}");
            previous = value;
        }
    }
}
