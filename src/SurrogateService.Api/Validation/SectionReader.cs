using System.Globalization;
using SurrogateService.Numerics.Core;

namespace SurrogateService.Api.Validation;

/// <summary>Checks a sampling request's <c>section</c>: one entry per dimension, each null (free) or inside the box, at least one free.</summary>
public static class SectionReader
{
    public const string Field = "section";

    public static void Check(double?[] section, Box box, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(errors);
        if (section.Length != box.Dimension)
        {
            errors.Add(Field, $"Needs one entry per dimension ({box.Dimension}): a value to fix the coordinate at, or null to leave it free.");
            return;
        }
        for (int j = 0; j < section.Length; j++)
        {
            if (section[j] is double value && !(value >= box.Lower[j] && value <= box.Upper[j]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Field}[{j}]"),
                    string.Create(CultureInfo.InvariantCulture, $"Must lie in the box, [{box.Lower[j]}, {box.Upper[j]}], or be null (free)."));
            }
        }
        if (Array.TrueForAll(section, value => value is not null))
            errors.Add(Field, "Fixes every coordinate; leave at least one null (free) for the method to sample.");
    }
}
