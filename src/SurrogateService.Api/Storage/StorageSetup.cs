using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Storage;

/// <summary>
/// Binds <see cref="StorageOptions"/>, resolves them to a <see cref="StorageLocation"/> at start, and for
/// Blob Storage registers one <see cref="BlobServiceClient"/> (built once and shared, as the Azure SDK
/// advises): with DefaultAzureCredential for a service URI (the container app's managed identity in
/// Azure, the developer's sign-in elsewhere), or from a connection string.
/// </summary>
public static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .Validate(options => options.UnavailableRetryAfterSeconds is >= 1 and <= 3_600,
                "Storage:UnavailableRetryAfterSeconds must be between 1 and 3600.")
            .Validate(options => options.OwnershipCheckSeconds is >= 0 and <= 3_600,
                "Storage:OwnershipCheckSeconds must be between 0 and 3600.");
        builder.Services.AddSingleton(services => StorageLocation.Resolve(
            services.GetRequiredService<IOptions<StorageOptions>>().Value,
            services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddBlobServiceClient();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        return builder;
    }

    /// <summary>Resolves the location at start, so a service without storage fails then rather than on the first request.</summary>
    public static WebApplication UseStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var location = app.Services.GetRequiredService<StorageLocation>();
        app.Logger.LogInformation("Stored data lives in {Kind} storage{Folder}.", location.Kind,
            location.FolderPath is null ? "" : " at " + location.FolderPath);
        return app;
    }

    /// <summary>The one <see cref="BlobServiceClient"/>, built when first needed (never with a folder store); the API and worker mode share it.</summary>
    public static IServiceCollection AddBlobServiceClient(this IServiceCollection services) =>
        services.AddSingleton(provider => CreateBlobServiceClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value));

    private static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions
        {
            // A few quick retries, then 503 with Retry-After: the client's own retry is the long one.
            Retry = { Mode = RetryMode.Exponential, MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), NetworkTimeout = TimeSpan.FromSeconds(30) },
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        if (options.BlobServiceUri is { } uri)
            return new BlobServiceClient(uri, new DefaultAzureCredential(), clientOptions);
        throw new InvalidOperationException("Blob Storage is not configured: set Storage:BlobServiceUri or Storage:ConnectionString.");
    }
}
