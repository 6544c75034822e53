using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// The Development service with a store folder of its own (or the Azurite account of
/// <paramref name="connectionString"/>), a short visibility timeout and no retry delay. <paramref name="inProcessWorkers"/> 0 leaves the queue to the test, which then works it
/// with <see cref="Worker"/>; <paramref name="decorate"/> wraps the store and queue (fault injection);
/// <paramref name="settings"/> are further configuration settings (e.g. smaller limits).
/// </summary>
public sealed class JobsFactory(
    int inProcessWorkers = 1, Func<IJobStore, IJobStore>? decorateStore = null, Func<IJobQueue, IJobQueue>? decorateQueue = null, string? connectionString = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly TemporaryFolder _store = new("surrogate-jobs-test-");

    /// <summary>The folder store's job records (one folder per owner key).</summary>
    public string RecordsFolder => Path.Combine(_store.Path, "jobs", "records");

    public JobWorker Worker => Services.GetRequiredService<JobWorker>();

    public IJobStore Store => Services.GetRequiredService<IJobStore>();

    /// <summary>Messages in the folder queue: delivered or not, until a worker deletes them.</summary>
    public int QueuedMessages => Directory.Exists(QueueFolder) ? Directory.GetFiles(QueueFolder, "*.msg").Length : 0;

    private string QueueFolder => Path.Combine(_store.Path, "jobs", "queue");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (connectionString is null)
            builder.UseSetting("Storage:Folder", _store.Path);
        else
            builder.UseSetting("Storage:ConnectionString", connectionString);
        builder.UseSetting("Jobs:InProcessWorkers", inProcessWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:VisibilityTimeoutSeconds", "3");
        builder.UseSetting("Jobs:RetryDelaySeconds", "0");
        builder.UseSetting("Jobs:PollIntervalMilliseconds", "20");
        builder.UseSetting("Jobs:MaxAttempts", "3");
        builder.WithoutWarmUp();
        // Every round, so that tests can stop a worker after a given checkpoint.
        builder.UseSetting("Jobs:CheckpointIntervalMilliseconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (decorateStore is not null)
                Decorate(services, decorateStore);
            if (decorateQueue is not null)
                Decorate(services, decorateQueue);
        });
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(provider => decorate((T)(original.ImplementationInstance ?? original.ImplementationFactory!(provider))));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }
}
