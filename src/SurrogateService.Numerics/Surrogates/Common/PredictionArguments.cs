using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Argument checks every model's batch prediction starts with.</summary>
internal static class PredictionArguments
{
    public static void Check(TrainingSet data, PointSet points, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimension != data.Dimension)
            throw new ArgumentException($"The model has dimension {data.Dimension}; the points have {points.Dimension}.", nameof(points));
        if (outputLength != points.Count)
            throw new ArgumentException($"Expected room for {points.Count} values, got {outputLength}.", "values");
    }

    /// <summary>A gradient batch holds d values per point.</summary>
    public static void CheckGradients(TrainingSet data, PointSet points, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Dimension != data.Dimension)
            throw new ArgumentException($"The model has dimension {data.Dimension}; the points have {points.Dimension}.", nameof(points));
        if (outputLength != points.Count * data.Dimension)
            throw new ArgumentException($"Expected room for {points.Count * data.Dimension} gradient values, got {outputLength}.", "gradients");
    }
}
