using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using SurrogateService.Numerics.Tests.Surrogates;

namespace SurrogateService.Numerics.Tests.Slices;

public class SliceComparisonTests
{
    private static readonly Box Square = Box.Uniform(2, -2, 2);
    private static readonly IBenchmarkFunction Sphere = BenchmarkFunctions.Find("sphere")!;

    [Fact]
    public void A_quadratic_fit_of_the_sphere_has_no_error_on_the_grid()
    {
        // Σ x² is itself a second-order polynomial, so least squares recovers it exactly.
        var data = SurrogateTestData.Random(12, Square, p => p[0] * p[0] + p[1] * p[1], seed: 3);
        var model = PolynomialRegressionKind.SecondOrder.Fit(data, OptionValues.Defaults([]));
        var grid = SliceGrid.Create(Square, [0, 1], [0, 0], resolution: 9);

        var comparison = SliceComparison.Compute(grid, model, Sphere, withStandardError: false);

        Assert.Equal(81, comparison.Truth!.Length);
        Assert.True(comparison.RootMeanSquareError < 1e-10, $"RMSE {comparison.RootMeanSquareError}");
        Assert.All(comparison.AbsoluteError!, e => Assert.True(e < 1e-10));
        Assert.Null(comparison.StandardError);
    }

    [Fact]
    public void Error_and_rmse_follow_from_truth_and_prediction()
    {
        var kriging = SurrogateKinds.Find("kriging")!;
        var data = SurrogateTestData.Random(10, Square, p => p[0] * p[0] + p[1] * p[1], seed: 5);
        var model = kriging.Fit(data, OptionValues.Defaults(kriging.Options));
        var grid = SliceGrid.Create(Square, [1, 0], [0, 0], resolution: 7);

        var comparison = SliceComparison.Compute(grid, model, Sphere, withStandardError: true);

        Assert.Equal(SurrogateTestData.Predict(model, grid.Points), comparison.Prediction);
        for (int i = 0; i < grid.Points.Count; i++)
        {
            var p = grid.Points[i];
            Assert.Equal(p[0] * p[0] + p[1] * p[1], comparison.Truth![i], 12);
            Assert.Equal(Math.Abs(comparison.Truth[i] - comparison.Prediction[i]), comparison.AbsoluteError![i]);
        }
        double meanSquare = comparison.AbsoluteError!.Average(e => e * e);
        Assert.Equal(Math.Sqrt(meanSquare), comparison.RootMeanSquareError!.Value, 12);
        Assert.True(comparison.RootMeanSquareError > 0);
        Assert.All(comparison.StandardError!, s => Assert.True(s >= 0 && double.IsFinite(s)));
    }

    [Fact]
    public void Without_a_truth_only_the_prediction_is_given()
    {
        var data = SurrogateTestData.Random(12, Square, p => p[0] + p[1], seed: 1);
        var model = PolynomialRegressionKind.Linear.Fit(data, OptionValues.Defaults([]));
        var comparison = SliceComparison.Compute(SliceGrid.Create(Square, [0, 1], [0, 0], 4), model, truth: null, withStandardError: false);
        Assert.Equal(16, comparison.Prediction.Length);
        Assert.Null(comparison.Truth);
        Assert.Null(comparison.AbsoluteError);
        Assert.Null(comparison.RootMeanSquareError);
    }
}
