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
        int slots = limits.Value.HeavySlots();
        _slots = new SemaphoreSlim(slots, slots);
        _retryAfterSeconds = limits.Value.RetryAfterSeconds;
    }

    /// <summary>
    /// Takes a slot when the request fits a model (<paramref name="fits"/>); dispose the result to give it back.
    /// When none is free, <see cref="Slot.Refused"/> is true and the 429's Retry-After is already set.
    /// </summary>
    public Slot Enter(bool fits, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!fits)
            return default;
        if (_slots.Wait(0))
            return new Slot(this, refused: false);
        context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        ServiceMetrics.HeavyRejected(context.Request.Path);
        return new Slot(null, refused: true);
    }

    /// <summary>A held slot (or none); disposing releases it.</summary>
    public readonly struct Slot(InlineFitGate? owner, bool refused) : IDisposable
    {
        public bool Refused { get; } = refused;

        public void Dispose() => owner?._slots.Release();
    }

    /// <summary>The 429 answer when no slot is free.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The service is busy with heavy requests.",
            detail: "Every slot for fits is taken; retry later, or predict from a model document, which needs none.");

    public void Dispose() => _slots.Dispose();
}
