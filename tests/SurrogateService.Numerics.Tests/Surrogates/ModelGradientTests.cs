using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.SurrogateTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>Analytic gradients of predictions against central finite differences of the predictions themselves.</summary>
public class ModelGradientTests
{
    private static readonly Box Box3 = new([-2, 0, 1], [3, 4, 2]);

    private static double Smooth(double[] x) => Math.Sin(x[0]) + x[1] * x[1] * 0.3 + Math.Exp(0.5 * x[2]) + x[0] * x[1] * 0.2;

    public static readonly TheoryData<string, int> KernelsAndDegrees = new()
    {
        { "linear", 0 }, { "linear", 1 }, { "cubic", 1 }, { "thinPlate", 1 }, { "multiquadric", 0 },
        { "gaussian", -1 }, { "gaussian", 2 }, { "quintic", 2 },
    };

    [Theory]
    [MemberData(nameof(KernelsAndDegrees))]
    public void Radial_basis_gradient_matches_finite_differences(string kernel, int degree)
    {
        var kind = new RadialBasisKind();
        var model = kind.Fit(Random(25, Box3, Smooth, seed: 11), OptionsOf(kind, ("kernel", kernel), ("degree", degree), ("scale", 1.5)));
        AssertGradientMatches(model, Queries());
    }

    [Fact]
    public void Radial_basis_gradient_of_a_restored_model_is_the_same()
    {
        var kind = new RadialBasisKind();
        var options = OptionsOf(kind, ("kernel", "cubic"));
        var model = kind.Fit(Random(20, Box3, Smooth, seed: 3), options);
        var restored = RoundTrip(kind, model, options);
        var points = Queries();
        Assert.Equal(Gradients(model, points), Gradients(restored, points));
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("secondOrder")]
    public void Polynomial_gradient_matches_finite_differences(string name)
    {
        ISurrogateKind kind = name == "linear" ? PolynomialRegressionKind.Linear : PolynomialRegressionKind.SecondOrder;
        var model = kind.Fit(Random(30, Box3, Smooth, seed: 7), OptionsOf(kind));
        AssertGradientMatches(model, Queries());
    }

    [Fact]
    public void Second_order_gradient_recovers_an_exact_quadratic_everywhere()
    {
        // y = 1 + 2x − 3y + 0.5xy + z² is in the model space, so the fit is exact and so is its gradient.
        static double F(double[] x) => 1 + 2 * x[0] - 3 * x[1] + 0.5 * x[0] * x[1] + x[2] * x[2];
        var kind = PolynomialRegressionKind.SecondOrder;
        var model = kind.Fit(Random(20, Box3, F, seed: 5), OptionsOf(kind));
        var points = Queries();
        var gradients = Gradients(model, points);
        for (int p = 0; p < points.Count; p++)
        {
            var x = points[p];
            Assert.Equal(2 + 0.5 * x[1], gradients[p * 3], 1e-9);
            Assert.Equal(-3 + 0.5 * x[0], gradients[p * 3 + 1], 1e-9);
            Assert.Equal(2 * x[2], gradients[p * 3 + 2], 1e-9);
        }
    }

    [Fact]
    public void Gradient_refuses_a_batch_of_the_wrong_shape()
    {
        var kind = PolynomialRegressionKind.Linear;
        var model = (IDifferentiableModel)kind.Fit(Random(10, Box3, Smooth, seed: 1), OptionsOf(kind));
        Assert.Throws<ArgumentException>(() => model.Gradient(Queries(), new double[5]));
        Assert.Throws<ArgumentException>(() => model.Gradient(new PointSet(2, 2), new double[4]));
    }

    private static PointSet Queries() => PointSet.FromRows([[0.3, 1.7, 1.2], [-1.5, 3.1, 1.9], [2.2, 0.4, 1.45], [1.1, 2.6, 1.05]]);

    private static double[] Gradients(ISurrogateModel model, PointSet points)
    {
        var gradients = new double[points.Count * points.Dimension];
        ((IDifferentiableModel)model).Gradient(points, gradients);
        return gradients;
    }

    private static void AssertGradientMatches(ISurrogateModel model, PointSet points)
    {
        var gradients = Gradients(model, points);
        const double h = 1e-5;
        for (int p = 0; p < points.Count; p++)
        {
            for (int l = 0; l < points.Dimension; l++)
            {
                var plus = points[p].ToArray();
                var minus = points[p].ToArray();
                plus[l] += h;
                minus[l] -= h;
                double difference = (Predict(model, plus) - Predict(model, minus)) / (2 * h);
                Assert.True(Math.Abs(gradients[p * 3 + l] - difference) <= 1e-6 * Math.Max(1, Math.Abs(difference)),
                    $"point {p}, coordinate {l}: analytic {gradients[p * 3 + l]}, finite difference {difference}");
            }
        }
    }
}
