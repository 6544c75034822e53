using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Reads the optional per-dimension <c>variables</c> of a suggest or run request: known types, levels
/// only and always for categories, bounds that suit each type, and a surrogate dimension (categories
/// one-hot encoded) within the optimisation limit.
/// </summary>
public static class VariablesReader
{
    private const string Continuous = "continuous", Integer = "integer", Categorical = "categorical";

    /// <param name="box">The validated bounds, or null when they were invalid (then only the types are checked).</param>
    /// <param name="valid">False when there were errors (a null result then means "invalid", not "all continuous").</param>
    /// <returns>The variables, or null when absent (all continuous) or invalid.</returns>
    public static IReadOnlyList<DesignVariable>? Read(VariableSpec[]? specs, Box? box, int maxModelDimension, RequestErrors errors, out bool valid)
    {
        ArgumentNullException.ThrowIfNull(errors);
        valid = true;
        if (specs is null)
            return null;
        if (box is not null && specs.Length != box.Dimension)
        {
            errors.Add("variables", $"Has {specs.Length} entries, expected one per dimension ({box.Dimension}).");
            valid = false;
            return null;
        }
        var variables = new DesignVariable[specs.Length];
        for (int j = 0; j < specs.Length; j++)
        {
            var variable = One(specs[j], $"variables[{j}]", errors);
            if (variable is null)
            {
                valid = false;
                continue;
            }
            variables[j] = variable;
            if (box is not null && VariableRules.BoundsProblem(variable, box.Lower[j], box.Upper[j]) is { } problem)
            {
                errors.Add($"variables[{j}]", $"Does not fit lowerBound[{j}] = {box.Lower[j]} and upperBound[{j}] = {box.Upper[j]}: {problem}");
                valid = false;
            }
        }
        if (!valid)
            return null;
        int modelDimension = VariableRules.ModelDimension(variables, variables.Length);
        if (modelDimension > maxModelDimension)
        {
            errors.Add("variables", $"The surrogate would see {modelDimension} coordinates (each category of three or more levels counts one per level), more than the limit {maxModelDimension}.");
            valid = false;
            return null;
        }
        return variables;
    }

    private static DesignVariable? One(VariableSpec? spec, string field, RequestErrors errors)
    {
        switch (spec?.Type)
        {
            case null:
                errors.Add(field + ".type", $"Is required: {Continuous}, {Integer} or {Categorical}.");
                return null;
            case Continuous or Integer when spec.Levels is not null:
                errors.Add(field + ".levels", "Only a categorical variable has levels.");
                return null;
            case Continuous:
                return DesignVariable.Continuous;
            case Integer:
                return DesignVariable.Integer;
            case Categorical when spec.Levels is not { Length: >= 2 } levels:
                errors.Add(field + ".levels", "A categorical variable needs the names of at least two levels.");
                return null;
            case Categorical when spec.Levels.Distinct(StringComparer.Ordinal).Count() != spec.Levels.Length || Array.Exists(spec.Levels, string.IsNullOrEmpty):
                errors.Add(field + ".levels", "Level names must be non-empty and distinct.");
                return null;
            case Categorical:
                return DesignVariable.Categorical(spec.Levels);
            default:
                errors.Add(field + ".type", $"Unknown type '{spec.Type}'; valid types: {Continuous}, {Integer}, {Categorical}.");
                return null;
        }
    }
}
