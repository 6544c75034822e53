using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// Takes one message at a time from the queue and works its job to the end: waits for a heavy-work slot
/// (<see cref="JobSlots"/>), claims the record, resumes from the last checkpoint, stores the result and deletes the message. A worker that stops
/// (SIGTERM) hands the message back at once; one that dies leaves it to reappear after the visibility
/// timeout; one whose attempt throws lets it come back after a delay, and a message delivered more
/// than <see cref="JobsOptions.MaxAttempts"/> times fails its job with the last error instead.
/// </summary>
public sealed partial class JobWorker(
    IJobStore store, IJobQueue queue, JobKinds kinds, JobSlots slots, IOptions<JobsOptions> options, IOptions<LimitsOptions> limits,
    IOptions<HttpJsonOptions> json, TimeProvider time, ILogger<JobWorker> logger)
{
    private JobsOptions Options => options.Value;

    /// <summary>Works the next visible message's job; false when no message is visible.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken stopping)
    {
        var delivery = await queue.ReceiveAsync(TimeSpan.FromSeconds(Options.VisibilityTimeoutSeconds), stopping);
        if (delivery is null)
            return false;
        await ProcessAsync(delivery, stopping);
        return true;
    }

    private async Task ProcessAsync(JobDelivery delivery, CancellationToken stopping)
    {
        var (owner, id) = delivery.Message;
        var record = await store.FindAsync(owner, id, stopping);
        if (record is null || JobStatus.IsFinished(record.Status))
        {
            // A submission undone after queueing, a cancelled job, or a duplicate delivery of a finished one.
            await queue.DeleteAsync(delivery, stopping);
            return;
        }
        if (delivery.DequeueCount > Options.MaxAttempts)
        {
            var reason = $"Given up after {Options.MaxAttempts} attempts: {record.Error ?? "every attempt's worker stopped before it finished (killed or out of time)."}";
            await UpdateAsync(record, r => r with { Status = JobStatus.Failed, Error = reason, FinishedAt = time.GetUtcNow() }, stopping);
            await queue.DeleteAsync(delivery, stopping);
            LogPoisoned(logger, id, delivery.DequeueCount);
            return;
        }
        await using var lease = new DeliveryLease(queue, delivery, TimeSpan.FromSeconds(Options.VisibilityTimeoutSeconds), logger);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        try
        {
            // The job stays queued until it has a heavy-work slot, shared with the synchronous heavy requests.
            using var slot = await slots.AcquireAsync(owner, running.Token);
            var claimed = await UpdateAsync(record, r => r with { Status = JobStatus.Running, Attempts = (int)delivery.DequeueCount, StartedAt = r.StartedAt ?? time.GetUtcNow() }, running.Token);
            if (claimed is null)
            {
                await lease.DeleteAsync();
                return;
            }
            record = claimed;
            var result = await Task.Run(() => WorkAsync(claimed, running.Token), CancellationToken.None);
            int status = result.Status;
            await store.WriteAsync(owner, id, JobDocument.Result, result.Body, CancellationToken.None);
            string? error = status >= 400 ? "The work refused the request; the result holds the problem the synchronous route would return." : null;
            await UpdateAsync(record, r => r with
            {
                Status = status < 400 ? JobStatus.Succeeded : JobStatus.Failed, ResultStatus = status, ResultContentType = result.ContentType,
                ResultFileName = result.FileName, ResultLocation = result.Location, Error = error, FinishedAt = time.GetUtcNow(),
            }, CancellationToken.None);
            await lease.DeleteAsync();
            LogFinished(logger, id, status, record.Attempts);
        }
        catch (JobCancelledException)
        {
            await lease.DeleteAsync();
            LogCancelled(logger, id);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
        {
            LogLost(logger, id);
        }
        catch (Exception ex) when (ex is OperationCanceledException or JobDeliveryLostException && stopping.IsCancellationRequested)
        {
            // Shutting down: the next worker resumes from the last checkpoint, without waiting for the visibility to run out.
            await lease.ReleaseAsync(TimeSpan.Zero);
            LogHandedBack(logger, id);
        }
        catch (JobDeliveryLostException)
        {
            LogLost(logger, id);
        }
        catch (Exception ex)
        {
            LogAttemptFailed(logger, ex, id, delivery.DequeueCount);
            await TryRecordErrorAsync(record, ex);
            await lease.ReleaseAsync(TimeSpan.FromSeconds(Options.RetryDelaySeconds));
        }
    }

    /// <summary>Reads the request and the checkpoint, runs the work, and returns the status and body the synchronous route would have answered.</summary>
    private async Task<JobResult> WorkAsync(JobRecord record, CancellationToken cancellationToken)
    {
        var kind = kinds.Find(record.Kind) ?? throw new InvalidOperationException($"No job kind '{record.Kind}' in this version of the service.");
        object request;
        await using (var stored = await store.OpenReadAsync(record.Owner, record.Id, JobDocument.Request, cancellationToken)
            ?? throw new InvalidOperationException("The job's request is missing."))
        {
            request = await kind.ReadRequestAsync(stored, limits.Value.ForJobs(), json.Value.SerializerOptions, cancellationToken);
        }
        var checkpoint = await store.ReadAsync(record.Owner, record.Id, JobDocument.Checkpoint, cancellationToken);
        var execution = new JobExecution(
            checkpoint is null ? null : JsonNode.Parse(checkpoint.ToMemory().Span)!.AsObject(), json.Value.SerializerOptions,
            (document, events, latest, token) => SaveCheckpointAsync(record, document, events, latest, token),
            token => ThrowIfCancelledAsync(record, token), TimeSpan.FromMilliseconds(Options.CheckpointIntervalMilliseconds), time, cancellationToken);

        var result = kind.Run(request, limits.Value.ForJobs(), execution, cancellationToken);
        await execution.FlushAsync();
        return result;
    }

    private async Task SaveCheckpointAsync(JobRecord claimed, JsonObject document, int events, string latest, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(claimed.Owner, claimed.Id, cancellationToken);
        if (current is null || current.Status == JobStatus.Cancelled)
            throw new JobCancelledException();
        if (current.Events > events)
            throw new JobDeliveryLostException($"Another worker has taken job {claimed.Id} further.");
        await store.WriteAsync(claimed.Owner, claimed.Id, JobDocument.Checkpoint, BinaryData.FromString(document.ToJsonString(JobExecution.StateJson)), cancellationToken);
        if (await UpdateAsync(current, r => r with { Events = events, Progress = latest.Length > 0 ? latest : null, Error = null }, cancellationToken) is null)
            throw new JobCancelledException();
    }

    private async Task ThrowIfCancelledAsync(JobRecord claimed, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(claimed.Owner, claimed.Id, cancellationToken) is not { Status: not JobStatus.Cancelled })
            throw new JobCancelledException();
    }

    /// <summary>Applies the change with optimistic concurrency, re-reading on a conflict; null (nothing written) once the job is cancelled or gone.</summary>
    private async Task<JobRecord?> UpdateAsync(JobRecord record, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        for (var current = record; ;)
        {
            if (current.Status == JobStatus.Cancelled)
                return null;
            var replaced = await store.TryReplaceAsync(change(current) with { UpdatedAt = time.GetUtcNow() }, cancellationToken);
            if (replaced is not null)
                return replaced;
            current = await store.FindAsync(record.Owner, record.Id, cancellationToken);
            if (current is null)
                return null;
        }
    }

    private async Task TryRecordErrorAsync(JobRecord record, Exception ex)
    {
        try
        {
            var current = await store.FindAsync(record.Owner, record.Id, CancellationToken.None);
            if (current is not null)
                await UpdateAsync(current, r => r with { Error = $"{ex.GetType().Name}: {ex.Message}" }, CancellationToken.None);
        }
        catch (JobStorageUnavailableException)
        {
            // The delivery count still rises; the reason is lost with the storage.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished with status {Status} after {Attempts} attempt(s)")]
    private static partial void LogFinished(ILogger logger, string jobId, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was cancelled and stopped")]
    private static partial void LogCancelled(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} handed back to the queue: the worker is stopping")]
    private static partial void LogHandedBack(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was taken over by another worker; this attempt stops")]
    private static partial void LogLost(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Attempt {Attempt} of job {JobId} failed; it will be retried")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string jobId, long attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed as poison after {Deliveries} deliveries")]
    private static partial void LogPoisoned(ILogger logger, string jobId, long deliveries);
}
