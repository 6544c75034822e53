using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Slices;

/// <summary>
/// A surrogate against the function it imitates on a slice grid: the prediction everywhere and,
/// when the truth is known, the true values, the absolute error and its root mean square; the
/// standard error for kinds that have one.
/// </summary>
public sealed record SliceComparison(
    double[] Prediction,
    double[]? Truth,
    double[]? AbsoluteError,
    double? RootMeanSquareError,
    double[]? StandardError)
{
    public static SliceComparison Compute(SliceGrid grid, ISurrogateModel model, IBenchmarkFunction? truth, bool withStandardError)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(model);
        var prediction = grid.Predict(model);
        var standardError = withStandardError ? grid.StandardError(model) : null;
        if (truth is null)
            return new SliceComparison(prediction, null, null, null, standardError);
        var values = grid.Evaluate(truth);
        return new SliceComparison(
            prediction,
            values,
            ErrorMetrics.AbsoluteErrors(values, prediction),
            ErrorMetrics.RootMeanSquareError(values, prediction),
            standardError);
    }
}
