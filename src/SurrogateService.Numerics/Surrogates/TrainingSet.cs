using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Training data for a surrogate: points, their values, and the design box.</summary>
public sealed class TrainingSet
{
    public TrainingSet(PointSet points, double[] values, Box box)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(box);
        if (values.Length != points.Count)
            throw new ArgumentException($"Expected {points.Count} values, got {values.Length}.", nameof(values));
        if (box.Dimension != points.Dimension)
            throw new ArgumentException("Box and points differ in dimension.", nameof(box));
        Points = points;
        Values = values;
        Box = box;
    }

    public PointSet Points { get; }

    public double[] Values { get; }

    public Box Box { get; }

    public int Count => Points.Count;

    public int Dimension => Points.Dimension;
}
