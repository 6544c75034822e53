using System.Globalization;
using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// A fit requested inside a light endpoint (predict or integrate with <c>fit</c>) is heavy work, but
/// the endpoint itself must stay light for model documents. Such fits take one of these slots (as many
/// as heavy-work slots, no queue) or the request is answered 429 with Retry-After at once.
/// </summary>
public sealed class InlineFitGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _retryAfterSeconds;

    public InlineFitGate(IOptions<LimitsOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        int slots = limits.Value.HeavyConcurrency > 0 ? limits.Value.HeavyConcurrency : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(slots, slots);
        _retryAfterSeconds = limits.Value.RetryAfterSeconds;
    }

    /// <summary>Takes a slot, or sets the 429 answer's Retry-After and returns false.</summary>
    public bool TryEnter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_slots.Wait(0))
            return true;
        context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        ServiceMetrics.HeavyRejected(context.Request.Path);
        return false;
    }

    public void Exit() => _slots.Release();

    /// <summary>The 429 answer when no slot is free.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The service is busy with heavy requests.",
            detail: "Every slot for fits is taken; retry later, or predict from a model document, which needs none.");

    public void Dispose() => _slots.Dispose();
}
