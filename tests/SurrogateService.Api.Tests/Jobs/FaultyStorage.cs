using SurrogateService.Api.Jobs;

namespace SurrogateService.Api.Tests.Jobs;

/// <summary>A store that tells the test of every checkpoint written (its number and the events it holds).</summary>
public sealed class ObservedStore(IJobStore inner) : IJobStore
{
    private int _checkpoints;

    public Action<int>? OnCheckpoint { get; set; }

    public Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken) => inner.FindAsync(owner, id, cancellationToken);

    public Task<bool> TryCreateAsync(JobRecord record, CancellationToken cancellationToken) => inner.TryCreateAsync(record, cancellationToken);

    public Task<JobRecord?> TryReplaceAsync(JobRecord record, CancellationToken cancellationToken) => inner.TryReplaceAsync(record, cancellationToken);

    public Task DeleteAsync(string owner, string id, CancellationToken cancellationToken) => inner.DeleteAsync(owner, id, cancellationToken);

    public async Task WriteAsync(string owner, string id, JobDocument document, BinaryData content, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(owner, id, document, content, cancellationToken);
        if (document == JobDocument.Checkpoint)
            OnCheckpoint?.Invoke(Interlocked.Increment(ref _checkpoints));
    }

    public Task<BinaryData?> ReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken) => inner.ReadAsync(owner, id, document, cancellationToken);
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
