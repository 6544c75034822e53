namespace SurrogateService.Api.Models;

/// <summary>
/// The caller has no stored model with the id it gave, whether none exists or another caller's does:
/// answered 404 problem+json naming the field (<see cref="ModelNotFoundHandler"/>).
/// </summary>
public sealed class ModelNotFoundException(string field, string id)
    : Exception($"No stored model '{id}' for this caller.")
{
    public string Field { get; } = field;

    public string Id { get; } = id;
}
