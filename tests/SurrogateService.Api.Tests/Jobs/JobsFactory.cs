using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SurrogateService.Api.Jobs;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>
/// The Development service with a job folder of its own, a short visibility timeout and no retry
/// delay. <paramref name="inProcessWorkers"/> 0 leaves the queue to the test, which then works it
/// with <see cref="Worker"/>; <paramref name="decorate"/> wraps the store and queue (fault injection).
/// </summary>
public sealed class JobsFactory(int inProcessWorkers = 1, Func<IJobStore, IJobStore>? decorateStore = null, Func<IJobQueue, IJobQueue>? decorateQueue = null)
    : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("surrogate-jobs-test-").FullName;

    public JobWorker Worker => Services.GetRequiredService<JobWorker>();

    public IJobStore Store => Services.GetRequiredService<IJobStore>();

    /// <summary>Messages in the folder queue: delivered or not, until a worker deletes them.</summary>
    public int QueuedMessages => Directory.Exists(Path.Combine(Folder, "queue")) ? Directory.GetFiles(Path.Combine(Folder, "queue"), "*.msg").Length : 0;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:Folder", Folder);
        builder.UseSetting("Jobs:InProcessWorkers", inProcessWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:VisibilityTimeoutSeconds", "3");
        builder.UseSetting("Jobs:RetryDelaySeconds", "0");
        builder.UseSetting("Jobs:PollIntervalMilliseconds", "20");
        builder.UseSetting("Jobs:MaxAttempts", "3");
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
        if (disposing && Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
