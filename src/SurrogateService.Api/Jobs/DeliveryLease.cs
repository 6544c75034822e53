namespace SurrogateService.Api.Jobs;

/// <summary>
/// Keeps a taken message hidden while its job runs, renewing it every third of the visibility
/// timeout, so that only a worker that died lets it reappear. If the renewal finds the message taken
/// by another worker (this one was too slow), <see cref="Lost"/> fires and the work stops.
/// </summary>
internal sealed partial class DeliveryLease : IAsyncDisposable
{
    private readonly IJobQueue _queue;
    private readonly TimeSpan _visibility;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _done = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Task _heartbeat;
    private JobDelivery _delivery;

    public DeliveryLease(IJobQueue queue, JobDelivery delivery, TimeSpan visibility, ILogger logger)
    {
        _queue = queue;
        _delivery = delivery;
        _visibility = visibility;
        _logger = logger;
        _heartbeat = Task.Run(HeartbeatAsync);
    }

    public CancellationToken Lost => _lost.Token;

    /// <summary>The job is done with: the message goes.</summary>
    public Task DeleteAsync() => UnderGate(() => _queue.DeleteAsync(_delivery, CancellationToken.None));

    /// <summary>The job is not done: the message reappears after <paramref name="delay"/> (zero: at once) for the next attempt.</summary>
    public Task ReleaseAsync(TimeSpan delay) => UnderGate(async () => _delivery = await _queue.RenewAsync(_delivery, delay, CancellationToken.None));

    private async Task UnderGate(Func<Task> action)
    {
        await _done.CancelAsync();
        await _gate.WaitAsync();
        try
        {
            if (!_lost.IsCancellationRequested)
                await action();
        }
        catch (JobDeliveryLostException)
        {
            // Another worker has the message now; it is theirs to finish or delete.
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task HeartbeatAsync()
    {
        while (!_done.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_visibility / 3, _done.Token);
                await _gate.WaitAsync(_done.Token);
                try
                {
                    _delivery = await _queue.RenewAsync(_delivery, _visibility, CancellationToken.None);
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (JobDeliveryLostException)
            {
                await _lost.CancelAsync();
                return;
            }
            catch (JobStorageUnavailableException ex)
            {
                // The storage may come back before the visibility runs out; keep trying.
                LogRenewalFailed(_logger, ex, _delivery.Message.Id);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await _heartbeat;
        _lost.Dispose();
        _done.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the message of job {JobId}; retrying")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string jobId);
}
