using SurrogateService.Api.Jobs;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>A store that tells the test of every checkpoint written (its number) and counts the calls that found the storage away.</summary>
public sealed class ObservedStore(IJobStore inner) : IJobStore
{
    private int _checkpoints;
    private int _failures;

    public IJobStore Inner => inner;

    public Action<int>? OnCheckpoint { get; set; }

    /// <summary>Checkpoints written so far, by every worker.</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>
    /// Lets <paramref name="worker"/> take its next job and stops it, as a replica going away would, once the store holds
    /// checkpoint number <paramref name="checkpoint"/>; returns whether a job was taken.
    /// </summary>
    public async Task<bool> WorkUntilCheckpointAsync(JobWorker worker, int checkpoint)
    {
        using var stopping = new CancellationTokenSource();
        OnCheckpoint = count => { if (count == checkpoint) stopping.Cancel(); };
        try
        {
            return await worker.ProcessNextAsync(stopping.Token);
        }
        finally
        {
            OnCheckpoint = null;
        }
    }

    public int Failures => Volatile.Read(ref _failures);

    public Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken) => Counted(() => inner.FindAsync(owner, id, cancellationToken));

    public Task<bool> TryCreateAsync(JobRecord record, CancellationToken cancellationToken) => Counted(() => inner.TryCreateAsync(record, cancellationToken));

    public Task<JobRecord?> TryReplaceAsync(JobRecord record, CancellationToken cancellationToken) => Counted(() => inner.TryReplaceAsync(record, cancellationToken));

    public Task DeleteAsync(string owner, string id, CancellationToken cancellationToken) => Counted(async () =>
    {
        await inner.DeleteAsync(owner, id, cancellationToken);
        return true;
    });

    /// <summary>Called before a result is written; a test throws from it to make the worker fail after its work's last effect.</summary>
    public Action? BeforeResult { get; set; }

    public Task WriteAsync(string owner, string id, JobDocument document, BinaryData content, CancellationToken cancellationToken) => Counted(async () =>
    {
        if (document == JobDocument.Result)
            BeforeResult?.Invoke();
        await inner.WriteAsync(owner, id, document, content, cancellationToken);
        if (document == JobDocument.Checkpoint)
        {
            // Counted whether or not a test listens, so that Checkpoints holds every worker's.
            int count = Interlocked.Increment(ref _checkpoints);
            OnCheckpoint?.Invoke(count);
        }
        return true;
    });

    public Task<BinaryData?> ReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken) => Counted(() => inner.ReadAsync(owner, id, document, cancellationToken));

    private async Task<T> Counted<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JobStorageUnavailableException)
        {
            Interlocked.Increment(ref _failures);
            throw;
        }
    }
}

/// <summary>A queue that can be switched off: every call then fails as an unreachable storage account does.</summary>
public sealed class SwitchableQueue(IJobQueue inner) : IJobQueue
{
    public bool IsDown { get; set; }

    public Task EnqueueAsync(JobMessage message, CancellationToken cancellationToken) => Up().EnqueueAsync(message, cancellationToken);

    public Task<JobDelivery?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken) => Up().ReceiveAsync(visibility, cancellationToken);

    public Task<JobDelivery> RenewAsync(JobDelivery delivery, TimeSpan visibility, CancellationToken cancellationToken) => Up().RenewAsync(delivery, visibility, cancellationToken);

    public Task DeleteAsync(JobDelivery delivery, CancellationToken cancellationToken) => Up().DeleteAsync(delivery, cancellationToken);

    private IJobQueue Up() => IsDown ? throw new JobStorageUnavailableException("Connection refused (the test switched the queue off).") : inner;
}
