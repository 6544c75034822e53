using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// The same image as a queue worker (<c>Mode=Worker</c>), as the Container Apps Job runs it: no HTTP,
/// work the queue's jobs one after another, and exit once the queue has stayed empty for
/// <see cref="JobsOptions.WorkerIdleExitSeconds"/>, so that an execution ends when the work does. SIGTERM
/// hands the current job back to the queue, to be resumed from its last checkpoint.
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
        builder.Services.AddJobStorage(builder.Configuration);
        builder.Services.AddHostedService<QueueDrainer>();
        await builder.Build().RunAsync();
    }

    private sealed partial class QueueDrainer(JobWorker worker, IOptions<JobsOptions> options, IHostApplicationLifetime lifetime, ILogger<QueueDrainer> logger)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
            LogDrained(logger);
            lifetime.StopApplication();
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
