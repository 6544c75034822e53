using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Training data for a surrogate: points, their values, the design box, and optionally each value's known
/// noise variance, low-fidelity data, and the gradient at some or all points.
/// </summary>
public sealed class TrainingSet
{
    public TrainingSet(PointSet points, double[] values, Box box, double[]? noiseVariances = null, TrainingSet? lowFidelity = null,
        double[]?[]? gradients = null)
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
        if (gradients is not null && (gradients.Length != points.Count || Array.Exists(gradients, g => g is not null && g.Length != points.Dimension)))
            throw new ArgumentException($"Expected {points.Count} gradients (or nulls) of {points.Dimension} components.", nameof(gradients));
        NoiseVariances = noiseVariances;
        LowFidelity = lowFidelity;
        Gradients = gradients is not null && Array.Exists(gradients, g => g is not null) ? gradients : null;
    }

    public PointSet Points { get; }

    public double[] Values { get; }

    public Box Box { get; }

    /// <summary>Known noise variance of each value (values' units squared), or null when none were given.</summary>
    public double[]? NoiseVariances { get; }

    /// <summary>Values of a cheaper, biased model of the same function (multi-fidelity), or null.</summary>
    public TrainingSet? LowFidelity { get; }

    /// <summary>The gradient at each point (null entries where it is unknown), or null when no point has one.</summary>
    public double[]?[]? Gradients { get; }

    public int Count => Points.Count;

    /// <summary>Values plus gradient components: the order of a gradient-enhanced model's covariance matrix (n without gradients).</summary>
    public int ObservationCount => Count + (Gradients?.Sum(g => g?.Length ?? 0) ?? 0);

    /// <summary>The same data without gradients, for a kind that cannot use them.</summary>
    public TrainingSet WithoutGradients() => Gradients is null ? this : new TrainingSet(Points, Values, Box, NoiseVariances, LowFidelity);

    public int Dimension => Points.Dimension;
}
