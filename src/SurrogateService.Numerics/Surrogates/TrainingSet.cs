using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>Training data for a surrogate: points, their values, the design box, and optionally each value's known noise variance.</summary>
public sealed class TrainingSet
{
    public TrainingSet(PointSet points, double[] values, Box box, double[]? noiseVariances = null, TrainingSet? lowFidelity = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(box);
        if (values.Length != points.Count)
            throw new ArgumentException($"Expected {points.Count} values, got {values.Length}.", nameof(values));
        if (box.Dimension != points.Dimension)
            throw new ArgumentException("Box and points differ in dimension.", nameof(box));
        if (noiseVariances is not null && noiseVariances.Length != points.Count)
            throw new ArgumentException($"Expected {points.Count} noise variances, got {noiseVariances.Length}.", nameof(noiseVariances));
        Points = points;
        Values = values;
        Box = box;
        if (lowFidelity is not null && lowFidelity.Dimension != points.Dimension)
            throw new ArgumentException("The low-fidelity data differ in dimension.", nameof(lowFidelity));
        NoiseVariances = noiseVariances;
        LowFidelity = lowFidelity;
    }

    public PointSet Points { get; }

    public double[] Values { get; }

    public Box Box { get; }

    /// <summary>Known noise variance of each value (values' units squared), or null when none were given.</summary>
    public double[]? NoiseVariances { get; }

    /// <summary>Values of a cheaper, biased model of the same function (multi-fidelity), or null.</summary>
    public TrainingSet? LowFidelity { get; }

    public int Count => Points.Count;

    public int Dimension => Points.Dimension;
}
