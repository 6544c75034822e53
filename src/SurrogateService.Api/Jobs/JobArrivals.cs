namespace SurrogateService.Api.Jobs;

/// <summary>
/// Tells this process's idle in-process workers that a job was just queued here, so that they look at the queue at
/// once instead of at their next poll (<see cref="JobsOptions.PollIntervalMilliseconds"/>). Jobs queued by other
/// replicas are still found by polling; a signal only saves the wait.
/// </summary>
public sealed class JobArrivals
{
    // At most one wake-up pending: it sends one idle loop to the queue, which then takes every job there.
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Announce()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is pending already.
        }
    }

    /// <summary>Waits for an announcement or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => await _signal.WaitAsync(poll, cancellationToken);
}
