using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Validation;

/// <summary>Checks <c>lowerBound</c>/<c>upperBound</c> (same non-zero length, finite, lower &lt; upper) and builds a <see cref="Box"/>.</summary>
public static class BoundsValidator
{
    private const string LowerField = "lowerBound";
    private const string UpperField = "upperBound";

    /// <param name="prefix">Prepended to field names when the bounds are nested (e.g. "fit.").</param>
    public static Box? Validate(double[]? lower, double[]? upper, RequestErrors errors, int maxDimension, int? dimension = null, string prefix = "")
    {
        string lowerField = prefix + LowerField, upperField = prefix + UpperField;
        bool valid = CheckVector(lower, lowerField, errors, maxDimension, dimension)
            & CheckVector(upper, upperField, errors, maxDimension, dimension);
        if (!valid)
            return null;
        if (lower!.Length != upper!.Length)
        {
            errors.Add(upperField, $"Has {upper.Length} entries but {LowerField} has {lower.Length}.");
            return null;
        }
        for (int i = 0; i < lower.Length; i++)
        {
            if (lower[i] >= upper[i])
            {
                errors.Add($"{lowerField}[{i}]", $"Must be less than {UpperField}[{i}].");
                valid = false;
            }
            else if (!double.IsFinite(upper[i] - lower[i]))
            {
                // Every scaling to and from the unit cube multiplies by the width; it must be a number.
                errors.Add($"{upperField}[{i}]", $"{UpperField}[{i}] − {LowerField}[{i}] overflows a double.");
                valid = false;
            }
        }
        return valid ? new Box(lower, upper) : null;
    }

    private static bool CheckVector(double[]? bound, string field, RequestErrors errors, int maxDimension, int? dimension)
    {
        if (bound is null)
        {
            errors.Add(field, "Is required.");
            return false;
        }
        if (bound.Length == 0 || bound.Length > maxDimension)
        {
            errors.Add(field, $"Must have between 1 and {maxDimension} entries.");
            return false;
        }
        if (dimension is int d && bound.Length != d)
        {
            errors.Add(field, $"Has {bound.Length} entries, expected {d}.");
            return false;
        }
        bool valid = true;
        for (int i = 0; i < bound.Length; i++)
        {
            if (!double.IsFinite(bound[i]))
            {
                errors.Add($"{field}[{i}]", "Must be a finite number.");
                valid = false;
            }
        }
        return valid;
    }
}
