using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class LobachevskyTests
{
    private static readonly LobachevskyKind Kind = new();
    private static readonly TrainingSet Reference = OneD([1, 2, 3], [4, 5, 6], 0, 4);

    /// <summary>NUMERICS.md's defining sum, evaluated literally (fine for small orders).</summary>
    private static double ExplicitBasis(double t, int n)
    {
        double root = Math.Sqrt(n / 3.0);
        double sum = 0, binomial = 1, factorial = 1;
        for (int k = 2; k < n; k++)
            factorial *= k;
        for (int l = 0; l <= n; l++)
        {
            double a = root * t + n - 2 * l;
            if (a > 0)
                sum += (l % 2 == 0 ? 1 : -1) * binomial * Math.Pow(a, n - 1);
            binomial = binomial * (n - l) / (l + 1);
        }
        return root / (Math.Pow(2, n) * factorial) * sum;
    }

    /// <summary>A single centre at 0 with value 1: s(v) = φ(v)/φ(0), and its integral over everything is 1/φ(0).</summary>
    private static LobachevskyModel SingleBump(int n) =>
        (LobachevskyModel)Kind.Fit(OneD([0], [1], -1, 1), OptionsOf(Kind, ("n", n)));

    [Fact]
    public void Basis_at_zero_matches_the_reference()
    {
        // NUMERICS.md: φ(0) = 0.38490017945975047 for n = 4, α = 1.
        double integral = SingleBump(4).Integrate(Box.Uniform(1, -10, 10));
        Assert.Equal(0.38490017945975047, 1 / integral, 1e-15);
        Assert.Equal(0.38490017945975047, ExplicitBasis(0, 4), 1e-15);
    }

    [Fact]
    public void Coefficients_and_predictions_match_the_reference()
    {
        // NUMERICS.md, x = [1, 2, 3], y = [4, 5, 6], α = 1, n = 4.
        var model = Kind.Fit(Reference, OptionsOf(Kind));
        double[] expected = [11.348385728771945, -5.577545777464557, 17.46869366660149];
        var coefficients = model.ExportParameters()["coefficients"];
        for (int i = 0; i < 3; i++)
            Assert.Equal(expected[i], coefficients[i], 1e-12);
        Assert.Equal(4.418540090307376, Predict(model, 1.5), 1e-13);
        Assert.Equal(2.522638484588066, Predict(model, 0.0), 1e-13);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(10)]
    public void Basis_has_the_shape_of_the_defining_sum(int n)
    {
        var model = SingleBump(n);
        for (double v = -4; v <= 4; v += 0.0625)
            Assert.Equal(ExplicitBasis(v, n) / ExplicitBasis(0, n), Predict(model, v), 1e-9);
    }

    [Fact]
    public void Order_twenty_stays_accurate_its_translates_sum_to_a_constant()
    {
        // With s = (√(n/3)·t + n)/2, shifts of Δs = 1 (Δt = 2/√(n/3)) of φ sum to √(n/3)/2 everywhere.
        const int n = 20;
        var model = SingleBump(n);
        double phiAtZero = 1 / model.Integrate(Box.Uniform(1, -10, 10));
        double step = 2 / Math.Sqrt(n / 3.0);
        foreach (double offset in new[] { 0.0, 0.3, 0.77 })
        {
            double sum = 0;
            for (int k = -n; k <= n; k++)
                sum += Predict(model, offset + k * step) * phiAtZero;
            Assert.Equal(Math.Sqrt(n / 3.0) / 2, sum, 1e-13);
        }
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.5, 2.2)]
    [InlineData(-3.0, 1.0)]
    public void Integral_in_1d_matches_midpoint_quadrature(double lower, double upper)
    {
        var model = (LobachevskyModel)Kind.Fit(Reference, OptionsOf(Kind));
        var box = Box.Uniform(1, lower, upper);
        var values = Predict(model, Grid(box, 20_000, midpoints: true));
        double quadrature = values.Sum() * (upper - lower) / values.Length;
        Assert.Equal(quadrature, model.Integrate(box), 1e-7);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Integral_in_2d_matches_midpoint_quadrature(int n)
    {
        var data = Random(15, Box.Uniform(2, 0, 10), x => Math.Sin(x[0]) + 0.1 * x[1], seed: 12);
        var model = (LobachevskyModel)Kind.Fit(data, OptionsOf(Kind, ("n", n), ("alpha", new[] { 1.0, 2.0 })));
        var box = new Box([1, 2], [8, 9]);
        // The midpoint rule errs by c·h² here, so Richardson's (4·Q(h/2) − Q(h))/3 removes the leading error.
        double Midpoint(int count) => Predict(model, Grid(box, count, midpoints: true)).Average() * 49;
        double quadrature = (4 * Midpoint(200) - Midpoint(100)) / 3;
        Assert.Equal(quadrature, model.Integrate(box), 1e-6 * Math.Abs(quadrature));
    }

    [Fact]
    public void Interpolates_in_2d_with_per_dimension_alpha()
    {
        var data = Random(20, Box.Uniform(2, 0, 5), x => x[0] * Math.Cos(x[1]), seed: 13);
        var model = Kind.Fit(data, OptionsOf(Kind, ("alpha", new[] { 1.5, 2.5 })));
        var predicted = Predict(model, data.Points);
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Values[i], predicted[i], 1e-9);
    }

    [Fact]
    public void Closed_form_leave_one_out_equals_refitting_without_each_point()
    {
        var data = Random(12, Box.Uniform(2, 0, 5), x => x[0] - x[1] * x[1], seed: 14);
        var options = OptionsOf(Kind, ("alpha", 2.0));
        var model = Kind.Fit(data, options);
        Assert.Equal(BruteForceLeaveOneOutRmse(Kind, data, options), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-8);
    }

    [Fact]
    public void Odd_order_and_duplicates_are_rejected()
    {
        var odd = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Reference, OptionsOf(Kind, ("n", 5))));
        Assert.Contains("even", odd.Message, StringComparison.Ordinal);
        Assert.Equal("options.n", odd.Field);
        var duplicates = Assert.Throws<SurrogateFitException>(() => Kind.Fit(OneD([1, 2, 2], [1, 2, 3], 0, 4), OptionsOf(Kind)));
        Assert.Contains("1 and 2", duplicates.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_predicts_and_integrates_identically()
    {
        var data = Random(10, Box.Uniform(2, 0, 5), x => x[0] + x[1], seed: 15);
        var options = OptionsOf(Kind, ("n", 6));
        var model = (LobachevskyModel)Kind.Fit(data, options);
        var restored = (LobachevskyModel)RoundTrip(Kind, model, options);
        var queries = Random(30, data.Box, _ => 0, seed: 16).Points;
        Assert.Equal(Predict(model, queries), Predict(restored, queries));
        Assert.Equal(model.Integrate(data.Box), restored.Integrate(data.Box));
    }
}
