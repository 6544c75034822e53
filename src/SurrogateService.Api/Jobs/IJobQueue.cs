namespace SurrogateService.Api.Jobs;

/// <summary>What the queue carries: which job to work on.</summary>
public sealed record JobMessage(string Owner, string Id);

/// <summary>
/// One delivery of a message: invisible to other workers until its visibility runs out, unless
/// deleted or renewed. <see cref="DequeueCount"/> counts deliveries, this one included.
/// </summary>
public sealed record JobDelivery(JobMessage Message, string MessageId, string Receipt, long DequeueCount);

/// <summary>
/// The work queue, at-least-once: a worker that dies leaves its message to reappear for another
/// worker once the visibility timeout has passed. Failures to reach it surface as <see cref="JobStorageUnavailableException"/>.
/// </summary>
public interface IJobQueue
{
    Task EnqueueAsync(JobMessage message, CancellationToken cancellationToken);

    /// <summary>The oldest visible message, now hidden for <paramref name="visibility"/>; null when none is visible.</summary>
    Task<JobDelivery?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Hides the message for <paramref name="visibility"/> from now (zero: visible again at once); the delivery with its new receipt.</summary>
    Task<JobDelivery> RenewAsync(JobDelivery delivery, TimeSpan visibility, CancellationToken cancellationToken);

    Task DeleteAsync(JobDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>The delivery is no longer this worker's: its visibility ran out and another worker took the message (or it was deleted).</summary>
public sealed class JobDeliveryLostException(string message) : Exception(message);
