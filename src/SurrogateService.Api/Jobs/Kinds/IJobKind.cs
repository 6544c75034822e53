using System.Text.Json;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// A heavy route that can run as a job: its request is read at submission (a bad request is a 400
/// at once) and again by the worker, both times with the job limits, and the work returns what the
/// synchronous route returns.
/// </summary>
public interface IJobKind
{
    /// <summary>The name kept in the job record, e.g. <c>optimization.run</c>.</summary>
    string Name { get; }

    /// <summary>The request record the route binds.</summary>
    Type RequestType { get; }

    /// <summary>The type of the request as stored for the worker (what <see cref="PrepareAsync"/> returns and <see cref="Run"/> takes): the route's request unless the worker needs more.</summary>
    Type StoredRequestType => RequestType;

    /// <summary>Whether this request is heavy work that runs as a job; a light one (e.g. storing a model document) is answered synchronously, as RFC 7240 lets a server ignore a preference.</summary>
    bool IsHeavy(object request) => true;

    /// <summary>
    /// At submission: whether the request is acceptable under <paramref name="limits"/> (the job limits), and the
    /// request to store for the worker, completed with what the worker cannot see (the Accept header's choice, a
    /// stored model's document). Null, with <paramref name="errors"/> naming the fields, when it is refused.
    /// </summary>
    ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors);

    /// <summary>Writes the request as stored for the worker: JSON by default; a kind whose request holds large arrays writes them in binary.</summary>
    Task WriteRequestAsync(object prepared, Stream destination, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(destination, prepared, StoredRequestType, json, cancellationToken);

    /// <summary>Reads what <see cref="WriteRequestAsync"/> wrote, for <see cref="Run"/>; <paramref name="limits"/> are the job limits.</summary>
    async ValueTask<object> ReadRequestAsync(Stream source, LimitsOptions limits, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(source, StoredRequestType, json, cancellationToken) ?? throw new InvalidDataException("The job's request is empty.");

    /// <summary>The work on the stored request, resuming from the execution's checkpoint if it has one: the synchronous route's answer (its result or its validation problem).</summary>
    JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken);
}
