using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Models;

/// <summary>
/// Models as block blobs <c>{owner}/{id}.json</c> in one container (<c>Storage:ModelsContainer</c>),
/// created on first use. A blob upload is committed whole or not at all, and <c>If-None-Match: *</c>
/// makes storing the same model twice a no-op rather than a rewrite.
/// </summary>
public sealed class BlobModelStore(BlobServiceClient service, IOptions<StorageOptions> options) : IModelStore
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Value.ModelsContainer);
    private volatile bool _containerExists;

    public async Task<bool> PutAsync(string owner, string id, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        };
        return await Call(async () =>
        {
            try
            {
                await Blob(owner, id).UploadAsync(BinaryData.FromBytes(document), upload, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobAlreadyExists || ex.Status == 412)
            {
                return false;
            }
        }, cancellationToken);
    }

    public Task<byte[]?> GetAsync(string owner, string id, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            try
            {
                var content = await Blob(owner, id).DownloadContentAsync(cancellationToken);
                return content.Value.Content.ToArray();
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return (byte[]?)null;
            }
        }, cancellationToken);

    public Task<bool> ExistsAsync(string owner, string id, CancellationToken cancellationToken) =>
        Call(async () => (await Blob(owner, id).ExistsAsync(cancellationToken)).Value, cancellationToken);

    public Task<ModelPage> ListAsync(string owner, string? continuation, int pageSize, CancellationToken cancellationToken) =>
        Call(async () =>
        {
            string prefix = owner + "/";
            try
            {
                await foreach (var page in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken)
                    .AsPages(continuation, pageSize))
                {
                    var models = page.Values
                        .Where(blob => blob.Name.EndsWith(".json", StringComparison.Ordinal))
                        .Select(blob => new StoredModelEntry(
                            blob.Name[prefix.Length..^".json".Length],
                            blob.Properties.ContentLength ?? 0,
                            blob.Properties.CreatedOn ?? blob.Properties.LastModified ?? DateTimeOffset.MinValue))
                        .ToList();
                    return new ModelPage(models, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
                }
                return new ModelPage([], null);
            }
            catch (RequestFailedException ex) when (ex.Status == 400 && continuation is not null)
            {
                throw new InvalidContinuationException("Is not a continuation that this listing returned.");
            }
        }, cancellationToken);

    public Task<bool> DeleteAsync(string owner, string id, CancellationToken cancellationToken) =>
        Call(async () => (await Blob(owner, id).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value, cancellationToken);

    private BlobClient Blob(string owner, string id) => _container.GetBlobClient($"{owner}/{id}.json");

    /// <summary>
    /// Runs a store operation: creates the container when it is missing and tries once more, and turns
    /// what the client's retries could not fix (no connection, server faults, a missing role or
    /// credential) into <see cref="StoreUnavailableException"/>.
    /// </summary>
    private async Task<T> Call<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await operation();
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound && !_containerExists)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _containerExists = true;
                return await operation();
            }
        }
        catch (Exception ex) when (IsStoreFault(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"Blob Storage at {service.Uri.Host}:{service.Uri.Port} failed: {ex.GetType().Name}.", ex);
        }
    }

    private static bool IsStoreFault(Exception ex) =>
        ex is RequestFailedException or AggregateException or AuthenticationFailedException or HttpRequestException or TimeoutException
            or OperationCanceledException;
}
