namespace SurrogateService.Api.Validation;

/// <summary>Reads an optional seed: non-negative, 0 when absent, so that answers are reproducible by default.</summary>
public static class SeedReader
{
    public static ulong? Read(long? seed, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (seed is not < 0)
            return (ulong)(seed ?? 0);
        errors.Add("seed", "Must be a non-negative integer.");
        return null;
    }
}
