using SurrogateService.Api.Jobs.Folder;
using SurrogateService.Api.Jobs.Kinds;

namespace SurrogateService.Api.Jobs;

/// <summary>Job storage, kinds and workers, for the API and for worker mode alike.</summary>
public static class JobsSetup
{
    /// <summary>The API's part: storage, kinds, and the in-process workers (as many as <see cref="JobsOptions.InProcessWorkers"/>, none by default).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJobStorage(configuration);
        services.AddHostedService<InProcessJobWorkers>();
        return services;
    }

    /// <summary>What the API and worker mode share: options, store, queue, kinds and the worker.</summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(JobsOptions.SectionName);
        services.AddOptions<JobsOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var folder = (section.Get<JobsOptions>() ?? new JobsOptions()).ResolvedFolder();
        services.AddSingleton<IJobStore>(new FolderJobStore(Path.Combine(folder, "jobs")));
        services.AddSingleton<IJobQueue>(provider => new FolderJobQueue(Path.Combine(folder, "queue"), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IJobKind, OptimizationRunJob>();
        services.AddSingleton<JobKinds>();
        services.AddSingleton<JobWorker>();
        return services;
    }
}
