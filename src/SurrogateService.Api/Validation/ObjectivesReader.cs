using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Checks the objective values of a multi-objective suggest request: one row per point, all with the
/// same number (2 to 4) of numbers or nulls, a strategy that optimises several objectives, and a
/// reference point with one number per objective.
/// </summary>
public static class ObjectivesReader
{
    /// <returns>The rows with NaN for a failed evaluation (a null row or entry); null when invalid.</returns>
    public static double[][]? Read(double?[]?[] objectives, int? pointCount, IOptimizationStrategy? strategy, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(errors);
        if (strategy is { HandlesSeveralObjectives: false })
        {
            errors.Add("objectives", $"{strategy.Name} optimises a single objective (send values); for several objectives use {MultiObjectiveNames()}.");
            return null;
        }
        if (pointCount is int n && objectives.Length != n)
        {
            errors.Add("objectives", $"Has {objectives.Length} rows, expected one per point ({n}).");
            return null;
        }
        int m = objectives.FirstOrDefault(row => row is not null)?.Length ?? SuggestionRequest.MinObjectives;
        if (m < SuggestionRequest.MinObjectives || m > SuggestionRequest.MaxObjectives)
        {
            errors.Add("objectives", $"Rows must hold between {SuggestionRequest.MinObjectives} and {SuggestionRequest.MaxObjectives} objective values; the first holds {m}.");
            return null;
        }
        var rows = new double[objectives.Length][];
        bool valid = true;
        for (int i = 0; i < objectives.Length; i++)
        {
            if (objectives[i] is not { } row)
            {
                rows[i] = Enumerable.Repeat(double.NaN, m).ToArray();
                continue;
            }
            if (row.Length != m)
            {
                errors.Add($"objectives[{i}]", $"Has {row.Length} values, expected {m} (one per objective) like the first row.");
                valid = false;
                continue;
            }
            rows[i] = row.Select(v => v ?? double.NaN).ToArray();
        }
        return valid ? rows : null;
    }

    /// <summary>A reference point needs several objectives and one number per objective (<paramref name="objectiveCount"/> null when the objectives were invalid).</summary>
    public static double[]? ReferencePoint(double[]? reference, bool objectivesGiven, int? objectiveCount, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (reference is null)
            return null;
        if (!objectivesGiven)
            errors.Add("referencePoint", "Is only used with several objectives (objectives instead of values).");
        else if (objectiveCount is int m && reference.Length != m)
            errors.Add("referencePoint", $"Has {reference.Length} values, expected one per objective ({m}).");
        return reference;
    }

    public static string MultiObjectiveNames() =>
        string.Join(" or ", OptimizationStrategies.All.Where(s => s.HandlesSeveralObjectives).Select(s => s.Name));
}
