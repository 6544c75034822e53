namespace SurrogateService.Api.Validation;

/// <summary>Arrays that may come in the JSON or as .npy parts of a multipart body, but not both.</summary>
public static class ArrayParts
{
    public static void RefuseBoth(object? inJson, object? inPart, string field, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (inJson is not null && inPart is not null)
            errors.Add(field, "Is given both in the JSON request and as a .npy part; give it once.");
    }
}
