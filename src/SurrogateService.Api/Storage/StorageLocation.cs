namespace SurrogateService.Api.Storage;

/// <summary>The kind of place <see cref="StorageOptions"/> resolved to.</summary>
public enum StorageKind
{
    /// <summary>Azure Blob Storage or Azurite; a <see cref="Azure.Storage.Blobs.BlobServiceClient"/> is registered.</summary>
    Blob,

    /// <summary>A folder on this machine.</summary>
    Folder,
}

/// <summary>
/// The store the service was configured with, resolved once at start: its kind and, for a folder, the
/// full path. Features (models, jobs) choose their implementation from it.
/// </summary>
public sealed record StorageLocation(StorageKind Kind, string? FolderPath)
{
    /// <summary>Resolves the options; throws with what to set when they name no place, or several.</summary>
    public static StorageLocation Resolve(StorageOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        int given = (options.BlobServiceUri is null ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.ConnectionString) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(options.Folder) ? 0 : 1);
        if (given > 1)
        {
            throw new InvalidOperationException(
                "Storage is configured twice: set exactly one of Storage:BlobServiceUri, Storage:ConnectionString and Storage:Folder.");
        }
        if (options.BlobServiceUri is not null || !string.IsNullOrWhiteSpace(options.ConnectionString))
            return new StorageLocation(StorageKind.Blob, null);
        string? folder = options.Folder;
        if (string.IsNullOrWhiteSpace(folder))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Storage is not configured: set Storage:BlobServiceUri (the account's blob endpoint, reached with the app's managed identity), " +
                    "Storage:ConnectionString or Storage:Folder (environment variables Storage__BlobServiceUri, …). " +
                    "Only Development has a default, a folder under the content root.");
            }
            folder = StorageOptions.DevelopmentFolder;
        }
        return new StorageLocation(StorageKind.Folder, Path.GetFullPath(folder, environment.ContentRootPath));
    }
}
