using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Validation;

/// <summary>Checks that every coordinate of every point is a value its variable can take.</summary>
public static class VariableValuesValidator
{
    /// <summary>Adds an error per coordinate that is not an integer where one is needed, or not a level index.</summary>
    public static bool Validate(PointSet points, IReadOnlyList<DesignVariable> variables, string field, RequestErrors errors)
    {
        bool valid = true;
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i];
            for (int j = 0; j < variables.Count; j++)
            {
                var variable = variables[j];
                if (variable.Admits(point[j]))
                    continue;
                errors.Add($"{field}[{i}][{j}]", variable.Kind == VariableKind.Categorical
                    ? $"Must be a level index 0..{variable.Levels!.Count - 1} of this categorical variable."
                    : "Must be a whole number for this integer variable.");
                valid = false;
            }
        }
        return valid;
    }
}
