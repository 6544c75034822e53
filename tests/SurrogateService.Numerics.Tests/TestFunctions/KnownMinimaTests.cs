using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.TestFunctions;

public class KnownMinimaTests
{
    public static TheoryData<string> Names => FunctionCases.Names;

    private static double Tolerance(double value) => 1e-9 * Math.Max(1, Math.Abs(value));

    [Theory]
    [MemberData(nameof(Names))]
    public void Function_attains_its_listed_minimum_at_every_listed_location(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            foreach (var minimum in function.Minima(d))
            {
                Assert.NotEmpty(minimum.Locations);
                foreach (double[] location in minimum.Locations)
                    Assert.Equal(minimum.Value, function.Evaluate(location), Tolerance(minimum.Value));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Listed_locations_are_local_minima_within_the_domain(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            var box = function.Domain(d);
            foreach (var minimum in function.Minima(d))
            {
                foreach (double[] location in minimum.Locations)
                {
                    for (int j = 0; j < d; j++)
                    {
                        foreach (double step in new[] { -1e-3, 1e-3 })
                        {
                            double[] moved = (double[])location.Clone();
                            double width = box.Upper[j] - box.Lower[j];
                            moved[j] = Math.Clamp(moved[j] + step * width, box.Lower[j], box.Upper[j]);
                            Assert.True(function.Evaluate(moved) >= minimum.Value - Tolerance(minimum.Value));
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Dense_random_sample_never_goes_below_the_known_minimum(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            // A simulation-backed function costs a solver run per point: a smaller sample.
            int count = function is ICostlyFunction ? 400 : 20_000;
            var points = BenchmarkRegistryTests.RandomPoints(function.Domain(d), count, seed: 2024);
            double[] values = new double[points.Count];
            function.EvaluateBatch(points, values);
            Assert.All(values, v => Assert.True(double.IsFinite(v)));
            foreach (var minimum in function.Minima(d))
                Assert.True(values.Min() >= minimum.Value - Tolerance(minimum.Value), $"{name} in {d}-D went below {minimum.Value}.");
        }
    }

    [Fact]
    public void Gramacy_lee_minimum_is_confirmed_by_a_fine_search_over_the_whole_interval()
    {
        // Written from the formula here, independently of the class under test.
        static double F(double x) => Math.Sin(10 * Math.PI * x) / (2 * x) + Math.Pow(x - 1, 4);

        const int steps = 2_000_000;
        double bestX = 0.5, bestValue = double.MaxValue;
        for (int i = 0; i <= steps; i++)
        {
            double x = 0.5 + 2.0 * i / steps;
            double value = F(x);
            if (value < bestValue)
                (bestX, bestValue) = (x, value);
        }
        // Golden-section refinement inside the grid cell pair around the best grid point.
        double lo = bestX - 2.0 / steps, hi = bestX + 2.0 / steps, ratio = (Math.Sqrt(5) - 1) / 2;
        for (int k = 0; k < 60; k++)
        {
            double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
            if (F(a) < F(b))
                hi = b;
            else
                lo = a;
        }
        double xMin = (lo + hi) / 2;

        var listed = Assert.Single(FunctionCases.Get("gramacyLee").Minima(1));
        Assert.Equal(xMin, Assert.Single(listed.Locations)[0], 1e-7);
        Assert.Equal(F(xMin), listed.Value, 1e-12);
        Assert.Equal(-0.869011134989500, F(xMin), 1e-12);
    }

    [Fact]
    public void Ishigami_minimum_is_minus_one_minus_b_pi_to_the_fourth()
    {
        var minimum = Assert.Single(FunctionCases.Get("ishigami").Minima(3));
        Assert.Equal(-1 - 0.1 * Math.Pow(Math.PI, 4), minimum.Value, 1e-12);
        Assert.Equal(-10.7409091034, minimum.Value, 1e-9);
        Assert.Equal(6, minimum.Locations.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void Scalable_functions_place_their_minimum_in_the_requested_dimension(int dimension)
    {
        Assert.Equal(Enumerable.Repeat(1.0, dimension), Assert.Single(Assert.Single(FunctionCases.Get("rosenbrock").Minima(dimension)).Locations));
        Assert.Equal(new double[dimension], Assert.Single(Assert.Single(FunctionCases.Get("ackley").Minima(dimension)).Locations));
        Assert.Equal(new double[dimension], Assert.Single(Assert.Single(FunctionCases.Get("sphere").Minima(dimension)).Locations));
    }
}
