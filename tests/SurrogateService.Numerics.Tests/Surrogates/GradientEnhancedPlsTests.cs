using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>GEKPLS: gradient-enhanced Kriging with θ searched along partial-least-squares directions ('components' with gradients).</summary>
public class GradientEnhancedPlsTests
{
    private static readonly ISurrogateKind Kind = SurrogateKinds.Find("kriging")!;
    private const int D = 10;

    /// <summary>A smooth function of ten inputs with unequal weights, and its gradient.</summary>
    private static double Function(double[] x) => Enumerable.Range(0, D).Sum(l => (l + 1.0) / D * x[l] * x[l]) + Math.Sin(x[0] + x[1]);

    private static double[] Gradient(double[] x) =>
        [.. Enumerable.Range(0, D).Select(l => 2 * (l + 1.0) / D * x[l] + (l < 2 ? Math.Cos(x[0] + x[1]) : 0))];

    private static TrainingSet Data(int n, ulong seed, bool withGradients)
    {
        var random = new DeterministicRandom(seed);
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, D).Select(_ => random.NextDouble()).ToArray()).ToArray();
        return new TrainingSet(PointSet.FromRows(rows), [.. rows.Select(Function)], Box.Uniform(D, 0, 1),
            gradients: withGradients ? [.. rows.Select(Gradient)] : null);
    }

    private static double Rmse(ISurrogateModel model)
    {
        var test = Data(400, 99, withGradients: false);
        var predicted = new double[test.Count];
        model.Predict(test.Points, predicted);
        return Math.Sqrt(predicted.Zip(test.Values, (p, t) => (p - t) * (p - t)).Average());
    }

    [Fact]
    public void With_gradients_two_directions_are_more_accurate_than_KPLS_on_the_values_and_restore_to_the_same_bits()
    {
        var options = KrigingOptions(("components", 2.0));
        var withGradients = Data(20, 1, withGradients: true);
        var gekpls = Kind.Fit(withGradients, options);
        var kpls = Kind.Fit(Data(20, 1, withGradients: false), options);

        Assert.True(Rmse(gekpls) < 0.5 * Rmse(kpls), $"GEKPLS {Rmse(gekpls)}, KPLS {Rmse(kpls)}");
        var restored = Kind.Restore(withGradients, options, gekpls.ExportParameters());
        var queries = Data(50, 5, withGradients: false).Points;
        double[] expected = new double[50], actual = new double[50];
        gekpls.Predict(queries, expected);
        restored.Predict(queries, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_theta_of_one_direction_is_proportional_to_its_squared_weights()
    {
        // With one direction w*, θ_l = θ̃·w*_l² on the unit box: the ratios of θ are those of the squared weights.
        var data = Data(15, 2, withGradients: true);
        var theta = Kind.Fit(data, KrigingOptions(("components", 1.0))).Diagnostics.Theta!;
        var weights = PartialLeastSquares.Rotations(data, 1);
        for (int l = 1; l < D; l++)
            Assert.Equal(weights[l, 0] * weights[l, 0] / (weights[0, 0] * weights[0, 0]), theta[l] / theta[0], 6);
    }

    [Fact]
    public void Components_with_a_theta_that_is_not_fitted_name_the_option()
    {
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(Data(10, 3, withGradients: true), KrigingOptions(("components", 2.0), ("theta", "heuristic"))));
        Assert.Equal("options.components", error.Field);
    }
}
