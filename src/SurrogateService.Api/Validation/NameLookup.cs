namespace SurrogateService.Api.Validation;

/// <summary>Finds a named item (function, method, kind) or records an error that lists the valid names.</summary>
public static class NameLookup
{
    public static T? Find<T>(string? name, string field, RequestErrors errors, IReadOnlyList<T> items, Func<T, string> nameOf)
        where T : class
    {
        string valid = string.Join(", ", items.Select(nameOf));
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
