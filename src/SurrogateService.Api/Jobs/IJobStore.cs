namespace SurrogateService.Api.Jobs;

/// <summary>The documents of a job besides its record: the request as submitted, the last checkpoint and the result.</summary>
public enum JobDocument
{
    Request,
    Checkpoint,
    Result,
}

/// <summary>
/// Durable job state: records with optimistic concurrency, and the documents of each job. Every
/// failure to reach the storage surfaces as <see cref="JobStorageUnavailableException"/>.
/// </summary>
public interface IJobStore
{
    /// <summary>The owner's job, or null (another owner's job is not found either).</summary>
    Task<JobRecord?> FindAsync(string owner, string id, CancellationToken cancellationToken);

    /// <summary>Stores a new record; false when one with the same owner and id exists already.</summary>
    Task<bool> TryCreateAsync(JobRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the record if its <see cref="JobRecord.ETag"/> is current; the stored record with its new ETag, or null on a conflict.</summary>
    Task<JobRecord?> TryReplaceAsync(JobRecord record, CancellationToken cancellationToken);

    /// <summary>Removes the record and its documents (undoing a submission that could not be queued).</summary>
    Task DeleteAsync(string owner, string id, CancellationToken cancellationToken);

    /// <summary>Writes a document whole, replacing the previous one atomically (a reader sees the old or the new, never a mix).</summary>
    Task WriteAsync(string owner, string id, JobDocument document, BinaryData content, CancellationToken cancellationToken);

    /// <summary>The document, or null if it was never written.</summary>
    Task<BinaryData?> ReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a document as <paramref name="write"/> produces it, replacing the previous one atomically. A store that can
    /// (Blob, folder) streams it, so that a large request is never held whole in memory beside the arrays it was made from;
    /// by default it is buffered and written whole.
    /// </summary>
    async Task WriteAsync(string owner, string id, JobDocument document, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        await WriteAsync(owner, id, document, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), cancellationToken);
    }

    /// <summary>The document as a stream to read once (streamed where the store can), or null if it was never written.</summary>
    async Task<Stream?> OpenReadAsync(string owner, string id, JobDocument document, CancellationToken cancellationToken) =>
        (await ReadAsync(owner, id, document, cancellationToken))?.ToStream();
}

/// <summary>The job storage could not be reached or answered with a server error: the caller may retry later.</summary>
public sealed class JobStorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
