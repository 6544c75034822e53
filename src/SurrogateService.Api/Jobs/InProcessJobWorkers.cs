using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// Worker loops inside the API process (<see cref="JobsOptions.InProcessWorkers"/>, 1 in Development),
/// so that <c>dotnet run</c> runs its own jobs. An idle loop looks at the queue every poll interval, and at once when
/// a job is submitted to this process (<see cref="JobArrivals"/>). On shutdown each loop hands its job back to the queue.
/// </summary>
internal sealed partial class InProcessJobWorkers(JobWorker worker, JobArrivals arrivals, IOptions<JobsOptions> options, ILogger<InProcessJobWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.InProcessWorkers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await worker.ProcessNextAsync(stoppingToken))
                    await arrivals.WaitAsync(idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The storage is away or a message could not be handled: try again after a pause.
                LogLoopFailed(logger, ex);
                await Task.Delay(idle * 4, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The in-process job worker could not take a message; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
