using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Validation;

/// <summary>Checks a JSON array of points (non-empty, rectangular, finite, within limits) and packs it into a <see cref="PointSet"/>.</summary>
public static class PointsValidator
{
    /// <summary>Validates <paramref name="points"/>; <paramref name="dimension"/> fixes the dimension, otherwise it comes from the first point and must lie in <paramref name="dimensionRange"/>.</summary>
    public static PointSet? Validate(
        double[][]? points, string field, RequestErrors errors, int maxCount,
        int? dimension = null, (int Min, int Max)? dimensionRange = null)
    {
        if (points is null)
        {
            errors.Add(field, "Is required.");
            return null;
        }
        if (points.Length == 0)
        {
            errors.Add(field, "Must contain at least one point.");
            return null;
        }
        if (points.Length > maxCount)
        {
            errors.Add(field, $"Has {points.Length} points; the limit is {maxCount}.");
            return null;
        }
        if (points[0] is null || points[0].Length == 0)
        {
            errors.Add($"{field}[0]", "Must be a non-empty array of numbers.");
            return null;
        }

        int d = dimension ?? points[0].Length;
        if (dimension is null && dimensionRange is var (min, max) && (d < min || d > max))
        {
            errors.Add($"{field}[0]", min == max
                ? $"Has {d} coordinates, expected {min}."
                : $"Has {d} coordinates, expected between {min} and {max}.");
            return null;
        }

        bool valid = true;
        for (int i = 0; i < points.Length; i++)
        {
            var point = points[i];
            if (point is null || point.Length != d)
            {
                errors.Add($"{field}[{i}]", $"Has {point?.Length ?? 0} coordinates, expected {d}.");
                valid = false;
                continue;
            }
            for (int j = 0; j < d; j++)
            {
                if (!double.IsFinite(point[j]))
                {
                    errors.Add($"{field}[{i}][{j}]", "Must be a finite number.");
                    valid = false;
                }
            }
        }
        return valid ? PointSet.FromRows(points) : null;
    }
}
