using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using static SurrogateService.Api.Jobs.Azure.AzureFailures;

namespace SurrogateService.Api.Jobs.Azure;

/// <summary>
/// Job records in Table storage (partition: owner key, row: job id; replaced with the entity's ETag)
/// and the documents of each job in a blob container (<c>{owner}/{id}/{document}.json</c>, each written
/// whole in one request, so a reader sees the old or the new).
/// </summary>
public sealed class AzureJobStore(AzureJobClients clients) : IJobStore
{
    private TableClient Table => clients.Table;

    public Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        if (!JobIds.IsKey(owner) || !JobIds.IsKey(id))
            return null;
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(owner, id, cancellationToken: cancellationToken);
        return found.HasValue ? JobEntity.ToRecord(found.Value!) : null;
    }, "Reading a job record");

    public Task<bool> TryCreateAsync(JobRecord record, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await Table.AddEntityAsync(JobEntity.FromRecord(record), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }, "Creating a job record");

    public Task<JobRecord?> TryReplaceAsync(JobRecord record, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var response = await Table.UpdateEntityAsync(JobEntity.FromRecord(record), new ETag(record.ETag!), TableUpdateMode.Replace, cancellationToken);
            return record with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }, "Replacing a job record");

    public Task DeleteAsync(string owner, string id, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        foreach (var document in Enum.GetValues<JobDocument>())
            await Blob(owner, id, document).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await Table.DeleteEntityAsync(owner, id, ETag.All, cancellationToken);
    }, "Deleting a job");

    public Task WriteAsync(string owner, string id, JobDocument document, BinaryData content, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        await Blob(owner, id, document).UploadAsync(content, overwrite: true, cancellationToken);
    }, "Writing a job document");

    public Task<BinaryData?> ReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        if (!JobIds.IsKey(owner) || !JobIds.IsKey(id))
            return null;
        try
        {
            BlobDownloadResult downloaded = await Blob(owner, id, document).DownloadContentAsync(cancellationToken);
            return downloaded.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }, "Reading a job document");

    public Task WriteAsync(string owner, string id, JobDocument document, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) => Guard(async () =>
    {
        ArgumentNullException.ThrowIfNull(write);
        await clients.EnsureCreatedAsync(cancellationToken);
        // Staged in blocks and committed when the stream is closed: a reader sees the old blob or the new one.
        await using var stream = await Blob(owner, id, document).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
        await write(stream, cancellationToken);
    }, "Writing a job document");

    public Task<Stream?> OpenReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken) => Guard(async () =>
    {
        await clients.EnsureCreatedAsync(cancellationToken);
        if (!JobIds.IsKey(owner) || !JobIds.IsKey(id))
            return null;
        try
        {
            return (await Blob(owner, id, document).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (Stream?)null;
        }
    }, "Reading a job document");

    private BlobClient Blob(string owner, string id, JobDocument document) =>
        clients.Container.GetBlobClient($"{owner}/{id}/{document.ToString().ToLowerInvariant()}.json");
}
