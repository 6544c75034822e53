using System.Text.Json.Serialization;

namespace SurrogateService.Api.Jobs;

/// <summary>The states of a job: queued → running → succeeded | failed | cancelled (running may go back to queued-like retries, which stay "running").</summary>
public static class JobStatus
{
    public const string Queued = "queued", Running = "running", Succeeded = "succeeded", Failed = "failed", Cancelled = "cancelled";

    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;
}

/// <summary>
/// What the service knows of one job, kept in the job store and replaced only with optimistic
/// concurrency (<see cref="ETag"/>): a cancellation and a worker's progress never overwrite each other.
/// </summary>
public sealed record JobRecord
{
    /// <summary>32 lower-case hex digits: random, or derived from the owner and the Idempotency-Key.</summary>
    public required string Id { get; init; }

    /// <summary>The owner's key (<see cref="JobOwner"/>): a hash of the caller's object id, never the id itself.</summary>
    public required string Owner { get; init; }

    /// <summary>The route's job kind, e.g. <c>optimization.run</c>.</summary>
    public required string Kind { get; init; }

    public required string Status { get; init; }

    /// <summary>SHA-256 of the request body as submitted: a retried POST with the same Idempotency-Key must carry the same request.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a worker took the job up (1 for a job that ran through in one go).</summary>
    public int Attempts { get; init; }

    /// <summary>Progress lines recorded so far (the events a replay returns).</summary>
    public int Events { get; init; }

    /// <summary>The newest progress line as JSON text, null before the first checkpoint.</summary>
    public string? Progress { get; init; }

    /// <summary>Why the job failed, or the last error of an attempt that will be retried.</summary>
    public string? Error { get; init; }

    /// <summary>The HTTP status the synchronous route would have answered (200, or 400 when the work refused the request); null until finished.</summary>
    public int? ResultStatus { get; init; }

    /// <summary>The media type of the result (null in records written before it was kept: JSON).</summary>
    public string? ResultContentType { get; init; }

    /// <summary>The file name of the result's Content-Disposition, for answers a client saves (.npy, GIF); null for the others.</summary>
    public string? ResultFileName { get; init; }

    /// <summary>The Location header of the result (a stored model's <c>/v1/models/{id}</c>); null for the others.</summary>
    public string? ResultLocation { get; init; }

    /// <summary>The store's version of this record; a replacement with a stale one fails.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}
