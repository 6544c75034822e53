using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Validation;

/// <summary>Checks the constraint values of a suggest request: one row per point, all of one length, numbers or null.</summary>
public static class ConstraintReader
{
    /// <returns>The rows with NaN for null (a failed evaluation); null when absent or invalid.</returns>
    public static double[][]? Read(double?[][]? constraints, int? pointCount, IOptimizationStrategy? strategy, RequestErrors errors, int maxConstraints)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (constraints is null)
            return null;
        if (strategy is { SupportsConstraints: false })
        {
            errors.Add("constraints", $"{strategy.Name} does not take constraints; use ei.");
            return null;
        }
        if (pointCount is int n && constraints.Length != n)
        {
            errors.Add("constraints", $"Has {constraints.Length} rows, expected one per point ({n}).");
            return null;
        }
        int m = constraints.Length > 0 ? constraints[0]?.Length ?? 0 : 0;
        if (m < 1 || m > maxConstraints)
        {
            errors.Add("constraints[0]", $"Must hold between 1 and {maxConstraints} constraint values.");
            return null;
        }
        var rows = new double[constraints.Length][];
        bool valid = true;
        for (int i = 0; i < constraints.Length; i++)
        {
            if (constraints[i] is not { } row || row.Length != m)
            {
                errors.Add($"constraints[{i}]", $"Has {constraints[i]?.Length ?? 0} values, expected {m} like the first row.");
                valid = false;
                continue;
            }
            rows[i] = row.Select(v => v ?? double.NaN).ToArray();
        }
        return valid ? rows : null;
    }
}
