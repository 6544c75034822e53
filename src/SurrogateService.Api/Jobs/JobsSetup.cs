using Microsoft.Extensions.Options;
using SurrogateService.Api.Jobs.Azure;
using SurrogateService.Api.Jobs.Folder;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// Job storage, kinds and workers, for the API and for worker mode alike. Jobs live where
/// <see cref="StorageOptions"/> says: with Blob Storage, records in Table storage, documents in Blob
/// storage and the queue in Queue storage of the same account; with a folder, in its <c>jobs</c> subfolder.
/// </summary>
public static class JobsSetup
{
    /// <summary>The API's part: storage, kinds, and the in-process workers (as many as <see cref="JobsOptions.InProcessWorkers"/>, none by default).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJobStorage(configuration);
        services.AddHostedService<InProcessJobWorkers>();
        return services;
    }

    /// <summary>What the API and worker mode share: options, store, queue, kinds and the worker. Needs <see cref="StorageLocation"/>, the model store (<see cref="Models.IModelStore"/>) and the <see cref="Hosting.HeavyWork.HeavyWorkPool"/> registered.</summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new AzureJobClients(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddSingleton<IJobStore>(provider => provider.GetRequiredService<StorageLocation>() is { Kind: StorageKind.Folder, FolderPath: { } folder }
            ? new FolderJobStore(Path.Combine(folder, "jobs", "records"))
            : new AzureJobStore(provider.GetRequiredService<AzureJobClients>()));
        services.AddSingleton<IJobQueue>(provider => provider.GetRequiredService<StorageLocation>() is { Kind: StorageKind.Folder, FolderPath: { } folder }
            ? new FolderJobQueue(Path.Combine(folder, "jobs", "queue"), provider.GetRequiredService<TimeProvider>())
            : new AzureJobQueue(provider.GetRequiredService<AzureJobClients>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IJobKind, OptimizationRunJob>();
        services.AddSingleton<IJobKind, SurrogateFitJob>();
        services.AddSingleton<IJobKind, SobolJob>();
        services.AddSingleton<IJobKind, SimulationJob>();
        services.AddSingleton<IJobKind, ModelStoreJob>();
        services.AddSingleton<IJobKind, SurrogateFitMultipartJob>();
        services.AddSingleton<JobKinds>();
        services.AddSingleton<JobSlots>();
        services.AddSingleton<JobArrivals>();
        services.AddSingleton<JobWorker>();
        return services;
    }
}
