namespace SurrogateService.Api.Storage;

/// <summary>
/// Where what outlives a request (stored models, jobs) is kept (configuration section <c>Storage</c>).
/// Exactly one of three places: an Azure Blob Storage account reached with the app's managed identity
/// (<see cref="BlobServiceUri"/>, the deployment's choice), an account or emulator reached with a
/// connection string (<see cref="ConnectionString"/>, Azurite in tests), or a folder
/// (<see cref="Folder"/>). In Development with none of them set, the folder <see cref="DevelopmentFolder"/>
/// under the content root is used, so <c>dotnet run</c> needs nothing; elsewhere the service refuses
/// to start without one, since a container's own disk does not outlive a restart.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The folder under the content root used in Development when nothing else is configured.</summary>
    public const string DevelopmentFolder = "App_Data/store";

    /// <summary>The account's blob endpoint, e.g. https://account.blob.core.windows.net/, reached with DefaultAzureCredential.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>A storage connection string (Azurite's, or an account key's); a secret, so never in appsettings.json.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>A folder, absolute or relative to the content root.</summary>
    public string? Folder { get; set; }

    /// <summary>The blob container of stored models.</summary>
    public string ModelsContainer { get; set; } = "models";

    /// <summary>
    /// Seconds a replica trusts that a caller still holds a stored model it has just stored, read or checked,
    /// before asking the store again; a deletion through another replica is seen within this time. 0 asks every time.
    /// </summary>
    public int OwnershipCheckSeconds { get; set; } = 30;

    /// <summary>Seconds a client is asked to wait (Retry-After) when the store cannot be reached.</summary>
    public int UnavailableRetryAfterSeconds { get; set; } = 10;
}
