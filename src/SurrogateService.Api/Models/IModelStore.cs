namespace SurrogateService.Api.Models;

/// <summary>
/// Stored model documents, each under its owner and content id. Writes are all-or-nothing; a fault of
/// the store surfaces as <see cref="Storage.StoreUnavailableException"/>.
/// </summary>
public interface IModelStore
{
    /// <summary>Stores the canonical document; false when the owner already had it (same id, same bytes).</summary>
    Task<bool> PutAsync(string owner, string id, ReadOnlyMemory<byte> document, CancellationToken cancellationToken);

    /// <summary>The owner's stored document, or null when the owner has none with that id.</summary>
    Task<byte[]?> GetAsync(string owner, string id, CancellationToken cancellationToken);

    /// <summary>Whether the owner has a model with that id, without reading it.</summary>
    Task<bool> ExistsAsync(string owner, string id, CancellationToken cancellationToken);

    /// <summary>One page of the owner's models in id order; <paramref name="continuation"/> is the previous page's <see cref="ModelPage.Continuation"/>.</summary>
    Task<ModelPage> ListAsync(string owner, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>Removes the owner's model; false when there was none.</summary>
    Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken);
}

/// <summary>A stored model as listed: id, size of its document and when it was stored.</summary>
public sealed record StoredModelEntry(string Id, long SizeBytes, DateTimeOffset StoredAt);

/// <summary>A page of a listing; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record ModelPage(IReadOnlyList<StoredModelEntry> Models, string? Continuation);

/// <summary>A continuation that the store did not issue (edited, or from another listing).</summary>
public sealed class InvalidContinuationException(string message) : Exception(message);
