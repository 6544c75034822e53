using System.Text.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Auth;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Storage;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Models;

/// <summary>
/// The model a request works on: a document (<c>model</c>), a stored model of the caller (<c>modelId</c>)
/// or a fit request (<c>fit</c>), exactly one. Documents and stored models go through the cache of
/// prepared models, so only a miss pays for rebuilding and factorising.
/// </summary>
public sealed class ModelSource(IModelStore store, PreparedModelCache cache, OwnershipConfirmations confirmations, IOptions<LimitsOptions> limits, IConfiguration configuration)
{
    private readonly bool _authenticationDisabled = AuthenticationSetup.IsDisabled(configuration);

    /// <summary>The owner segment of the request's caller (see <see cref="ModelOwner"/>).</summary>
    public string OwnerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ModelOwner.Of(context.User, _authenticationDisabled);
    }

    /// <summary>Null with errors added when the request is invalid; throws <see cref="ModelNotFoundException"/> for an id the caller does not have.</summary>
    public async Task<FittedSurrogate?> ReadAsync(ModelDocument? model, string? modelId, FitRequest? fit, HttpContext context, RequestErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if ((model is null ? 0 : 1) + (modelId is null ? 0 : 1) + (fit is null ? 0 : 1) != 1)
        {
            errors.Add("model",
                "Give exactly one of 'model' (a fitted-model document), 'modelId' (a stored model's id) and 'fit' (a fit request).");
            return null;
        }
        if (modelId is not null)
            return await StoredAsync(OwnerOf(context), modelId, "modelId", errors, cancellationToken);
        if (model is not null)
            return Document(model, "model", errors);
        return FitRequestReader.Fit(fit, "fit", errors, limits.Value, cancellationToken);
    }

    /// <summary>A document a client sent, from the cache when it is one the service wrote (its canonical form).</summary>
    public FittedSurrogate? Document(ModelDocument document, string field, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        string hash = ModelId.Of(CanonicalModel.Serialize(document));
        if (cache.Get(hash) is { } cached)
            return cached;
        var fitted = ModelDocumentReader.Read(document, field, errors, limits.Value);
        if (fitted is not null)
            cache.Add(ModelId.Of(CanonicalModel.Of(fitted)), fitted);
        return fitted;
    }

    /// <summary>
    /// The caller's stored model: the owner's copy must exist (confirmed lately, or a HEAD on a cache hit),
    /// and a cache miss rebuilds it from the store.
    /// </summary>
    public async Task<FittedSurrogate?> StoredAsync(string owner, string id, string field, RequestErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!ModelId.IsWellFormed(id))
        {
            errors.Add(field, ModelId.FormatMessage);
            return null;
        }
        if (cache.Get(id) is { } cached)
        {
            if (confirmations.IsFresh(owner, id))
                return cached;
            if (!await store.ExistsAsync(owner, id, cancellationToken))
                throw new ModelNotFoundException(field, id);
            confirmations.Confirm(owner, id);
            return cached;
        }
        byte[] bytes = await store.GetAsync(owner, id, cancellationToken) ?? throw new ModelNotFoundException(field, id);
        var fitted = Rebuild(bytes, id);
        cache.Add(id, fitted);
        confirmations.Confirm(owner, id);
        return fitted;
    }

    /// <summary>
    /// A stored document is checked against its id before it is trusted, then read as strictly as a
    /// client's; one that fails either was damaged in the store, which the caller cannot fix.
    /// </summary>
    private FittedSurrogate Rebuild(byte[] bytes, string id)
    {
        if (!ModelId.Of(bytes).Equals(id, StringComparison.Ordinal))
            throw new StoreUnavailableException($"The stored copy of model {id} does not match its id: it was damaged in the store.");
        var errors = new RequestErrors();
        FittedSurrogate? fitted;
        try
        {
            fitted = ModelDocumentReader.Read(CanonicalModel.Deserialize(bytes), "model", errors, limits.Value);
        }
        catch (JsonException ex)
        {
            throw new StoreUnavailableException($"The stored copy of model {id} is not a model document.", ex);
        }
        return fitted ?? throw new StoreUnavailableException(
            $"The stored copy of model {id} no longer passes the service's checks (a limit may have been lowered): " +
            string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    /// <summary>Checks and stores a model for the owner; returns its id and whether it was new.</summary>
    public async Task<(string Id, bool Created, long Bytes)> StoreAsync(string owner, FittedSurrogate fitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        byte[] canonical = CanonicalModel.Of(fitted);
        string id = ModelId.Of(canonical);
        bool created = await store.PutAsync(owner, id, canonical, cancellationToken);
        cache.Add(id, fitted);
        confirmations.Confirm(owner, id);
        return (id, created, canonical.LongLength);
    }

    /// <summary>Deletes the owner's model; this replica stops serving it to the owner at once.</summary>
    public async Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken)
    {
        confirmations.Forget(owner, id);
        bool deleted = await store.DeleteAsync(owner, id, cancellationToken);
        confirmations.Forget(owner, id);
        return deleted;
    }
}
