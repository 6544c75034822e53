using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Jobs.Azure;

/// <summary>
/// The job table, queue and blob container in the account that <see cref="StorageOptions"/> names,
/// built once: from the connection string (Azurite), or from the blob endpoint with DefaultAzureCredential
/// (the managed identity in Azure), the queue and table endpoints being the blob endpoint's with
/// <c>queue</c> or <c>table</c> in place of <c>blob</c> (https://{account}.queue.core.windows.net/, as
/// Azure names every service endpoint of an account). With a connection string the three are created
/// when first used; in Azure the Bicep template provisions them.
/// </summary>
public sealed class AzureJobClients
{
    private readonly SemaphoreSlim _creation = new(1, 1);
    private readonly bool _create;
    private bool _created;

    public AzureJobClients(StorageOptions storage, JobsOptions jobs)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(jobs);
        // A few quick retries, then JobStorageUnavailableException: the caller's own retry is the long one.
        void Quick(RetryOptions retry)
        {
            retry.Mode = RetryMode.Exponential;
            retry.MaxRetries = 3;
            retry.Delay = TimeSpan.FromMilliseconds(200);
            retry.MaxDelay = TimeSpan.FromSeconds(2);
            retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        }
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions();
        var blobOptions = new BlobClientOptions();
        Quick(tableOptions.Retry);
        Quick(queueOptions.Retry);
        Quick(blobOptions.Retry);
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            Table = new TableServiceClient(storage.ConnectionString, tableOptions).GetTableClient(jobs.TableName);
            Queue = new QueueServiceClient(storage.ConnectionString, queueOptions).GetQueueClient(jobs.QueueName);
            Container = new BlobServiceClient(storage.ConnectionString, blobOptions).GetBlobContainerClient(jobs.ContainerName);
            _create = true;
        }
        else
        {
            var blob = storage.BlobServiceUri ?? throw new InvalidOperationException("Blob Storage is not configured: set Storage:BlobServiceUri or Storage:ConnectionString.");
            var credential = new DefaultAzureCredential();
            Table = new TableServiceClient(Sibling(blob, "table"), credential, tableOptions).GetTableClient(jobs.TableName);
            Queue = new QueueServiceClient(Sibling(blob, "queue"), credential, queueOptions).GetQueueClient(jobs.QueueName);
            Container = new BlobServiceClient(blob, credential, blobOptions).GetBlobContainerClient(jobs.ContainerName);
        }
    }

    public TableClient Table { get; }

    public QueueClient Queue { get; }

    public BlobContainerClient Container { get; }

    /// <summary>Creates the table, queue and container once, where this service is the one to create them (Azurite).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_create || _created)
            return;
        await _creation.WaitAsync(cancellationToken);
        try
        {
            if (_created)
                return;
            await AzureFailures.Guard(async () =>
            {
                await Table.CreateIfNotExistsAsync(cancellationToken);
                await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }, "Creating the job table, queue and container");
            _created = true;
        }
        finally
        {
            _creation.Release();
        }
    }

    /// <summary>https://account.blob.core.windows.net/ → https://account.{service}.core.windows.net/.</summary>
    internal static Uri Sibling(Uri blobEndpoint, string service)
    {
        var labels = blobEndpoint.Host.Split('.');
        if (labels.Length < 2 || labels[1] != "blob")
            throw new InvalidOperationException($"Storage:BlobServiceUri {blobEndpoint} is not an account's blob endpoint (https://<account>.blob.<suffix>/).");
        labels[1] = service;
        return new UriBuilder(blobEndpoint) { Host = string.Join('.', labels) }.Uri;
    }
}
