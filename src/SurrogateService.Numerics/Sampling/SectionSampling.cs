using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Sampling;

/// <summary>
/// A plan on a section of the box, as Surrogates.jl's SectionSample: some coordinates are held at given
/// values and any sampling method fills the box of the others. The free coordinates get exactly the points
/// that method gives in the lower-dimensional box, so a Sobol' section is a Sobol' plan of the free inputs.
/// </summary>
public static class SectionSampling
{
    /// <param name="fixedValues">One entry per dimension: the value a coordinate is held at, or null where it is free.</param>
    /// <exception cref="ArgumentException">
    /// The section has the wrong length, holds no free coordinate, or fixes one outside the box (ParamName "section",
    /// the message naming the index); or the method refuses the free box.
    /// </exception>
    public static PointSet Sample(ISamplingMethod method, int count, Box box, IReadOnlyList<double?> fixedValues, OptionValues options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(fixedValues);
        int d = box.Dimension;
        if (fixedValues.Count != d)
            throw new ArgumentException($"The section has {fixedValues.Count} entries; the box has {d} dimensions.", "section");
        for (int j = 0; j < d; j++)
        {
            if (fixedValues[j] is double value && !(value >= box.Lower[j] && value <= box.Upper[j]))
                throw new ArgumentException($"Coordinate {j} is fixed at {value}, outside the box [{box.Lower[j]}, {box.Upper[j]}].", "section");
        }
        var free = Enumerable.Range(0, d).Where(j => fixedValues[j] is null).ToArray();
        if (free.Length == 0)
            throw new ArgumentException("Every coordinate is fixed; leave at least one free (null).", "section");

        var freeBox = new Box(free.Select(j => box.Lower[j]).ToArray(), free.Select(j => box.Upper[j]).ToArray());
        var inner = method.Sample(count, freeBox, options, seed);
        var points = new PointSet(inner.Count, d);
        for (int i = 0; i < inner.Count; i++)
        {
            var point = points[i];
            for (int j = 0; j < d; j++)
                point[j] = fixedValues[j] ?? 0;
            for (int k = 0; k < free.Length; k++)
                point[free[k]] = inner[i][k];
        }
        return points;
    }
}
