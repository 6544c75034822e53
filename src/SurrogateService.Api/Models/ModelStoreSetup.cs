using Microsoft.Extensions.DependencyInjection.Extensions;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Models;

/// <summary>The model store on the configured storage (Blob or folder), the cache of prepared models, and the 404 for unknown ids.</summary>
public static class ModelStoreSetup
{
    public static IServiceCollection AddModelStore(this IServiceCollection services)
    {
        services.AddModelStorage();
        services.AddSingleton<PreparedModelCache>();
        services.AddSingleton<OwnershipConfirmations>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelSource>();
        services.AddExceptionHandler<ModelNotFoundHandler>();
        return services;
    }

    /// <summary>The store alone, for worker mode, whose jobs store models (<c>POST /v1/models</c> with a fit) and read nothing through the cache.</summary>
    public static IServiceCollection AddModelStorage(this IServiceCollection services) =>
        services.AddSingleton<IModelStore>(provider => provider.GetRequiredService<StorageLocation>().Kind == StorageKind.Blob
            ? ActivatorUtilities.CreateInstance<BlobModelStore>(provider)
            : ActivatorUtilities.CreateInstance<FolderModelStore>(provider));
}
