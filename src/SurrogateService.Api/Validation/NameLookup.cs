namespace SurrogateService.Api.Validation;

/// <summary>Finds a named item (function, method, kind) or records an error that lists the valid names.</summary>
public static class NameLookup
{
    /// <param name="alsoValid">A name the caller handles itself (e.g. "auto"), listed among the valid ones.</param>
    public static T? Find<T>(string? name, string field, RequestErrors errors, IReadOnlyList<T> items, Func<T, string> nameOf, string? alsoValid = null)
        where T : class
    {
        string valid = string.Join(", ", items.Select(nameOf).Append(alsoValid).OfType<string>());
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, $"Is required. Valid values: {valid}.");
            return null;
        }
        var found = items.FirstOrDefault(item => string.Equals(nameOf(item), name, StringComparison.OrdinalIgnoreCase));
        if (found is null)
            errors.Add(field, $"Unknown value '{name}'. Valid values: {valid}.");
        return found;
    }
}
