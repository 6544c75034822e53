using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Models;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// The same image as a queue worker (<c>Mode=Worker</c>), as the Container Apps Job runs it: no HTTP,
/// work the queue's jobs, and exit once the queue has stayed empty for
/// <see cref="JobsOptions.WorkerIdleExitSeconds"/>, so that an execution ends when the work does. SIGTERM
/// hands the jobs in hand back to the queue, to be resumed from their last checkpoints.
/// <para>
/// Its heavy-work pool is sized as an API replica's would be (<c>Limits:HeavyConcurrency</c>, 0 meaning one slot
/// per core): jobs are its only heavy work, so it runs one worker loop per slot. A worker replica thus computes
/// as much at once as an API replica of the same size, never more: the limits chosen for a replica's cores and
/// memory hold for both. Nobody waits in its pool (the queue is the waiting room), so its pool has no queue.
/// </para>
/// </summary>
public static partial class WorkerMode
{
    public const string ModeKey = "Mode";

    public static bool IsRequested(string[] args) =>
        string.Equals(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()[ModeKey], "Worker", StringComparison.OrdinalIgnoreCase);

    public static async Task RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddOptions<LimitsOptions>().Bind(builder.Configuration.GetSection(LimitsOptions.SectionName), LimitsOptions.RefuseUnknownKeys).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddProblemResponses();
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddSingleton(services => StorageLocation.Resolve(
            services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<IHostEnvironment>()));
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.Services.AddSingleton(new HeavyWorkPool(limits.HeavySlots(), queueLength: 0));
        // A model-store job writes the model where the API reads it.
        builder.Services.AddBlobServiceClient();
        builder.Services.AddModelStorage();
        builder.Services.AddJobStorage(builder.Configuration);
        builder.Services.AddHostedService<QueueDrainer>();
        await builder.Build().RunAsync();
    }

    private sealed partial class QueueDrainer(
        JobWorker worker, HeavyWorkPool pool, IOptions<JobsOptions> options, IHostApplicationLifetime lifetime, ILogger<QueueDrainer> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.WhenAll(Enumerable.Range(0, pool.Slots).Select(_ => Task.Run(() => DrainAsync(stoppingToken), CancellationToken.None)));
            LogDrained(logger);
            lifetime.StopApplication();
        }

        /// <summary>One loop: jobs one after another until the queue has stayed empty long enough or the host stops.</summary>
        private async Task DrainAsync(CancellationToken stoppingToken)
        {
            var idleSince = TimeProvider.System.GetTimestamp();
            var idleLimit = TimeSpan.FromSeconds(options.Value.WorkerIdleExitSeconds);
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await TryProcessNextAsync(stoppingToken))
                        idleSince = TimeProvider.System.GetTimestamp();
                    else if (TimeProvider.System.GetElapsedTime(idleSince) >= idleLimit)
                        break;
                    else
                        await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // SIGTERM: the job in hand went back to the queue.
            }
        }

        /// <summary>True when a message was worked or the storage was away (which is no reason to exit: the message may be there).</summary>
        private async Task<bool> TryProcessNextAsync(CancellationToken stoppingToken)
        {
            try
            {
                return await worker.ProcessNextAsync(stoppingToken);
            }
            catch (JobStorageUnavailableException ex)
            {
                LogStorageAway(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(options.Value.RetryDelaySeconds), stoppingToken);
                return true;
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Job storage unreachable; the worker waits and tries again")]
        private static partial void LogStorageAway(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Information, Message = "Job worker stopping: the queue stayed empty or the host is shutting down")]
        private static partial void LogDrained(ILogger logger);
    }
}
