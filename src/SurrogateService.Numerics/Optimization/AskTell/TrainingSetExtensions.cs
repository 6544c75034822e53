using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>Growing a training set by one point (a pending point of a batch with its pretend value, and no gradient).</summary>
internal static class TrainingSetExtensions
{
    public static TrainingSet Append(this TrainingSet data, ReadOnlySpan<double> point, double value)
    {
        int n = data.Count, d = data.Dimension;
        var points = new PointSet(n + 1, d);
        data.Points.Data.CopyTo(points.Data);
        point.CopyTo(points[n]);
        var values = new double[n + 1];
        data.Values.CopyTo(values, 0);
        values[n] = value;
        return new TrainingSet(points, values, data.Box, gradients: data.Gradients is { } gradients ? [.. gradients, null] : null);
    }
}
