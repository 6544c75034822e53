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

    /// <summary>
    /// At submission: whether the request is acceptable under <paramref name="limits"/> (the job limits), and the
    /// request to store for the worker, completed with what the worker cannot see (the Accept header's choice, a
    /// stored model's document). Null, with <paramref name="errors"/> naming the fields, when it is refused.
    /// </summary>
    ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors);

    /// <summary>The work on the stored request, resuming from the execution's checkpoint if it has one: the synchronous route's answer (its result or its validation problem).</summary>
    JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken);
}
