using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>Checks training points, values, noise variances, low-fidelity data, gradients and box of a fit request or model document and builds a <see cref="TrainingSet"/>.</summary>
public static class TrainingDataReader
{
    public static TrainingSet? Read(
        double[][]? points, double[]? values, double[]? noiseVariances, double[]? lower, double[]? upper,
        string prefix, RequestErrors errors, LimitsOptions limits, ISurrogateKind? kind, LowFidelityData? lowFidelity = null, double[]?[]? gradients = null,
        int? maxPoints = null)
    {
        var pointSet = PointsValidator.Validate(points, prefix + "points", errors, maxPoints ?? limits.MaxExactTrainingPoints,
            dimensionRange: (1, limits.MaxDimension));
        return Read(pointSet, values, noiseVariances, lower, upper, prefix, errors, limits, kind, lowFidelity, gradients);
    }

    /// <summary>The same checks for points already read (from a .npy part) and checked against the limits.</summary>
    public static TrainingSet? Read(
        PointSet? pointSet, double[]? values, double[]? noiseVariances, double[]? lower, double[]? upper,
        string prefix, RequestErrors errors, LimitsOptions limits, ISurrogateKind? kind, LowFidelityData? lowFidelity = null, double[]?[]? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        var box = BoundsValidator.Validate(lower, upper, errors, limits.MaxDimension, pointSet?.Dimension, prefix);
        if (values is null)
        {
            errors.Add(prefix + "values", "Is required.");
            return null;
        }
        if (pointSet is not null && values.Length != pointSet.Count)
        {
            errors.Add(prefix + "values", $"Has {values.Length} entries, expected one per point ({pointSet.Count}).");
            return null;
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                errors.Add($"{prefix}values[{i}]", "Must be a finite number.");
        }
        CheckNoiseVariances(noiseVariances, values.Length, prefix + "noiseVariances", errors, kind);
        CheckGradients(gradients, values.Length, pointSet?.Dimension, prefix + "gradients", errors, kind, limits.MaxGradientObservations);
        if (pointSet is null || box is null || !errors.IsEmpty)
            return null;
        var low = lowFidelity is null ? null : ReadLowFidelity(lowFidelity, box, prefix + "lowFidelity.", errors, limits, kind);
        if (!errors.IsEmpty)
            return null;
        if (kind is not null && pointSet.Count < kind.MinimumPoints(pointSet.Dimension))
        {
            errors.Add(prefix + "points", $"{kind.Name} needs at least {kind.MinimumPoints(pointSet.Dimension)} points in {pointSet.Dimension} dimensions.");
            return null;
        }
        return new TrainingSet(pointSet, values, box, noiseVariances, low, gradients);
    }

    /// <summary>
    /// Low-fidelity points of the same dimension inside the same box, with finite values. Kriging uses
    /// them (co-Kriging); so does the automatic choice (<paramref name="kind"/> null), for its co-Kriging candidate.
    /// </summary>
    private static TrainingSet? ReadLowFidelity(LowFidelityData low, Box box, string prefix, RequestErrors errors, LimitsOptions limits, ISurrogateKind? kind)
    {
        if (kind is not (KrigingKind or null))
        {
            errors.Add(prefix.TrimEnd('.'), $"Only kriging (co-Kriging) and auto take low-fidelity data; {kind.Name} does not.");
            return null;
        }
        var points = PointsValidator.Validate(low.Points, prefix + "points", errors, limits.MaxExactTrainingPoints, box.Dimension);
        if (points is null)
            return null;
        for (int i = 0; i < points.Count; i++)
        {
            for (int l = 0; l < box.Dimension; l++)
            {
                if (points[i][l] < box.Lower[l] || points[i][l] > box.Upper[l])
                    errors.Add($"{prefix}points[{i}][{l}]", $"Lies outside the box [{box.Lower[l]}, {box.Upper[l]}] of the high-fidelity data.");
            }
        }
        if (low.Values is null || low.Values.Length != points.Count)
        {
            errors.Add(prefix + "values", low.Values is null ? "Is required." : $"Has {low.Values.Length} entries, expected one per point ({points.Count}).");
            return null;
        }
        for (int i = 0; i < low.Values.Length; i++)
        {
            if (!double.IsFinite(low.Values[i]))
                errors.Add($"{prefix}values[{i}]", "Must be a finite number.");
        }
        return errors.IsEmpty ? new TrainingSet(points, low.Values, box) : null;
    }

    private static void CheckNoiseVariances(double[]? noiseVariances, int count, string field, RequestErrors errors, ISurrogateKind? kind)
    {
        if (noiseVariances is null)
            return;
        if (kind is not KrigingKind)
        {
            errors.Add(field, $"Only kriging takes per-point noise variances{(kind is null ? "" : $"; {kind.Name} does not")}.");
            return;
        }
        if (noiseVariances.Length != count)
        {
            errors.Add(field, $"Has {noiseVariances.Length} entries, expected one per value ({count}).");
            return;
        }
        for (int i = 0; i < noiseVariances.Length; i++)
        {
            if (!double.IsFinite(noiseVariances[i]) || noiseVariances[i] < 0)
                errors.Add($"{field}[{i}]", "Must be a finite variance ≥ 0 (the values' units squared).");
        }
    }

    /// <summary>One gradient (d finite numbers) or null per point; kriging (or auto, which gives them to kriging) only.</summary>
    private static void CheckGradients(double[]?[]? gradients, int count, int? dimension, string field, RequestErrors errors, ISurrogateKind? kind, int maxObservations)
    {
        if (gradients is null)
            return;
        if (kind is not null and not KrigingKind)
        {
            errors.Add(field, $"Only kriging takes gradients (gradient-enhanced Kriging); {kind.Name} does not.");
            return;
        }
        if (gradients.Length != count)
        {
            errors.Add(field, $"Has {gradients.Length} entries, expected one per value ({count}); use null for a point without a gradient.");
            return;
        }
        for (int i = 0; i < gradients.Length; i++)
        {
            if (gradients[i] is not { } gradient)
                continue;
            if (dimension is int d && gradient.Length != d)
                errors.Add($"{field}[{i}]", $"Has {gradient.Length} components, expected one per dimension ({d}).");
            else if (Array.Exists(gradient, g => !double.IsFinite(g)))
                errors.Add($"{field}[{i}]", "Must hold finite numbers.");
        }
        GradientObservationLimit.Check(gradients, count, field, errors, maxObservations);
    }
}
