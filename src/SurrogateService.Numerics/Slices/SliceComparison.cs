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
    /// <param name="cancellationToken">Checked between the stages; a standard error on a fine grid can take a while.</param>
    public static SliceComparison Compute(SliceGrid grid, ISurrogateModel model, IBenchmarkFunction? truth, bool withStandardError,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(model);
        var prediction = grid.Predict(model);
        cancellationToken.ThrowIfCancellationRequested();
        var standardError = withStandardError ? grid.StandardError(model) : null;
        cancellationToken.ThrowIfCancellationRequested();
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
