using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.TestFunctions;

public class FunctionGradientTests
{
    public static TheoryData<string> Differentiable => new(BenchmarkFunctions.All.Where(f => f is IDifferentiableFunction).Select(f => f.Name));

    [Fact]
    public void The_smooth_analytic_functions_have_gradients()
    {
        Assert.Equal(["branin", "gramacyLee", "ishigami", "rosenbrock", "sixHumpCamel", "sphere"],
            BenchmarkFunctions.All.Where(f => f is IDifferentiableFunction).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void Gradient_matches_central_finite_differences_inside_the_domain(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            var points = BenchmarkRegistryTests.RandomPoints(function.Domain(d), 40, seed: 17);
            var gradient = new double[d];
            for (int p = 0; p < points.Count; p++)
            {
                var x = points[p].ToArray();
                ((IDifferentiableFunction)function).Gradient(x, gradient);
                for (int l = 0; l < d; l++)
                {
                    double h = 1e-6 * Math.Max(1, Math.Abs(x[l]));
                    var plus = (double[])x.Clone();
                    var minus = (double[])x.Clone();
                    plus[l] += h;
                    minus[l] -= h;
                    double difference = (function.Evaluate(plus) - function.Evaluate(minus)) / (2 * h);
                    // Rounding in f(x ± h) is about ε·|f|/h, which dominates for a 100-D sum.
                    double tolerance = 1e-5 * Math.Max(1, Math.Abs(difference)) + 1e-13 * Math.Abs(function.Evaluate(x)) / h;
                    Assert.True(Math.Abs(gradient[l] - difference) <= tolerance,
                        $"{name} in {d}-D at point {p}, coordinate {l}: analytic {gradient[l]}, finite difference {difference}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void Gradient_vanishes_at_every_known_minimum_inside_the_domain(string name)
    {
        var function = FunctionCases.Get(name);
        foreach (int d in FunctionCases.Dimensions(function))
        {
            foreach (var minimum in function.Minima(d))
            {
                // A minimum on the boundary (Ishigami's x3 = ±π) need not be stationary.
                foreach (var location in minimum.Locations.Where(l => Inside(function.Domain(d), l)))
                {
                    var gradient = new double[d];
                    ((IDifferentiableFunction)function).Gradient(location, gradient);
                    // Listed minima are rounded (Gramacy–Lee to 6 digits), so the gradient is small, not zero.
                    Assert.All(gradient, g => Assert.True(Math.Abs(g) < 1e-2, $"{name}: ∂f = {g} at a listed minimum"));
                }
            }
        }
    }

    private static bool Inside(SurrogateService.Numerics.Core.Box box, double[] x) =>
        x.Select((v, j) => v > box.Lower[j] && v < box.Upper[j]).All(b => b);
}
