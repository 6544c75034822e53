using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Endpoints;

/// <summary>
/// The caller's asynchronous jobs (asynchronous request-reply): status, result, progress replay and
/// cancellation. Another caller's job is a 404, as is an unknown id.
/// </summary>
public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/jobs").WithTags("Jobs")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{id}", GetJob)
            .WithName("getJob")
            .WithSummary("The job's status, newest progress line and timestamps; once finished, the link to its result. Retry-After while it is unfinished.")
            .Produces<JobResponse>();
        group.MapDelete("/{id}", CancelJob)
            .WithName("cancelJob")
            .WithSummary("Cancels a queued or running job (a running optimisation stops within one round); a finished job is left as it is.")
            .Produces<JobResponse>();
        group.MapGet("/{id}/result", GetResult)
            .WithName("getJobResult")
            .WithSummary("Exactly what the synchronous route would have answered, with its media type (a simulation's JSON, .npy, PNG or GIF): its 200 response (a stored model's 201 or 200, with the model's Location), or the 400 problem if the work refused the request. 409 while the job is unfinished or when it ended without a result.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json", additionalContentTypes: ["application/x-npy", "image/png", "image/gif"])
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/events", GetEvents)
            .WithName("getJobEvents")
            .WithSummary("The job's progress lines so far, as NDJSON (the lines of the route's progress stream), skipping the first `after`.")
            .Produces(StatusCodes.Status200OK, contentType: ProgressStreamResult.MediaType);
        return group;
    }

    private static Task<IResult> GetJob(string id, HttpContext http) => WithJobAsync(http, id, (record, _) =>
    {
        if (!JobStatus.IsFinished(record.Status))
            SetRetryAfter(http);
        return Task.FromResult<IResult>(TypedResults.Ok(JobMapping.ToResponse(record)));
    });

    private static Task<IResult> CancelJob(string id, HttpContext http) => WithJobAsync(http, id, async (record, store) =>
    {
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        for (var current = record; current is not null; current = await store.FindAsync(record.Owner, record.Id, http.RequestAborted))
        {
            if (JobStatus.IsFinished(current.Status))
                return TypedResults.Ok(JobMapping.ToResponse(current));
            var now = time.GetUtcNow();
            if (await store.TryReplaceAsync(current with { Status = JobStatus.Cancelled, FinishedAt = now, UpdatedAt = now }, http.RequestAborted) is { } cancelled)
                return TypedResults.Ok(JobMapping.ToResponse(cancelled));
        }
        return NotFound();
    });

    private static Task<IResult> GetResult(string id, HttpContext http) => WithJobAsync(http, id, async (record, store) =>
    {
        if (record.ResultStatus is not { } status
            || await store.ReadAsync(record.Owner, record.Id, JobDocument.Result, http.RequestAborted) is not { } body)
        {
            if (!JobStatus.IsFinished(record.Status))
                SetRetryAfter(http);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The job has no result: it is {record.Status}.",
                detail: record.Error ?? $"Poll {JobMapping.Location(record.Id)} until it has finished.");
        }
        return new StoredBody(body, status, record.ResultContentType ?? (status < 400 ? JobOutcome.Json : JobOutcome.Problem), record.ResultFileName,
            record.ResultLocation);
    });

    private static async Task<IResult> GetEvents(string id, int? after, HttpContext http)
    {
        if (after is < 0)
        {
            var errors = new RequestErrors();
            errors.Add("after", "Must be 0 or more: the number of lines already read.");
            return errors.ToProblem();
        }
        return await WithJobAsync(http, id, async (record, store) =>
        {
            var checkpoint = await store.ReadAsync(record.Owner, record.Id, JobDocument.Checkpoint, http.RequestAborted);
            var lines = checkpoint is null ? [] : JsonNode.Parse(checkpoint.ToMemory().Span)?["lines"]?.AsArray().Skip(after ?? 0).ToArray() ?? [];
            var text = new StringBuilder();
            foreach (var line in lines)
                text.Append(line!.ToJsonString()).Append('\n');
            return TypedResults.Text(text.ToString(), ProgressStreamResult.MediaType + "; charset=utf-8");
        });
    }

    /// <summary>Finds the caller's job and applies <paramref name="action"/>; 404 for no such job of theirs, 503 when the storage is away.</summary>
    private static async Task<IResult> WithJobAsync(HttpContext http, string id, Func<JobRecord, IJobStore, Task<IResult>> action)
    {
        var store = http.RequestServices.GetRequiredService<IJobStore>();
        var owner = JobOwner.KeyOf(http);
        try
        {
            if (owner is null || !JobIds.IsKey(id) || await store.FindAsync(owner, id, http.RequestAborted) is not { } record)
                return NotFound();
            return await action(record, store);
        }
        catch (JobStorageUnavailableException ex)
        {
            SetRetryAfter(http);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The job storage cannot be reached.", detail: ex.Message);
        }
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: "No job of yours has this id.");

    private static void SetRetryAfter(HttpContext http) =>
        http.Response.Headers.RetryAfter = http.RequestServices.GetRequiredService<IOptions<JobsOptions>>().Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stored body, sent as the synchronous route sent it: its status (a 200 or 201 response, or a 400 problem), media type, file name and Location.</summary>
    private sealed class StoredBody(BinaryData body, int status, string contentType, string? fileName, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = contentType;
            if (fileName is not null)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(fileName);
                httpContext.Response.Headers.ContentDisposition = disposition.ToString();
            }
            if (location is not null)
                httpContext.Response.Headers.Location = location;
            await httpContext.Response.Body.WriteAsync(body.ToMemory(), httpContext.RequestAborted);
        }
    }
}
