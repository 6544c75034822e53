using System.Globalization;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting.HeavyWork;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Heavy work that runs inside a route which is otherwise light (predict or integrate with <c>fit</c>,
/// heavy UM-Bridge models) takes a slot of the same <see cref="HeavyWorkPool"/> as the heavy routes,
/// waiting in its caller's queue like them; when the queue has no place the request is refused at once
/// with Retry-After set.
/// </summary>
public sealed class InlineFitGate(HeavyWorkPool pool, IOptions<LimitsOptions> limits)
{
    private readonly int _retryAfterSeconds = limits.Value.RetryAfterSeconds;

    /// <summary>
    /// Takes a slot when the request does heavy work (<paramref name="heavy"/>); dispose the result to give it back.
    /// When refused, <see cref="Slot.Refused"/> is true and the Retry-After header is already set.
    /// </summary>
    public async ValueTask<Slot> EnterAsync(bool heavy, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!heavy)
            return default;
        if (await pool.AcquireAsync(HeavyWorkCaller.Of(context), cancellationToken) is { } lease)
            return new Slot(lease, refused: false);
        context.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        ServiceMetrics.HeavyRejected(context.Request.Path);
        return new Slot(null, refused: true);
    }

    /// <summary>A held slot (or none); disposing releases it.</summary>
    public readonly struct Slot(HeavyWorkLease? lease, bool refused) : IDisposable
    {
        public bool Refused { get; } = refused;

        public void Dispose() => lease?.Dispose();
    }

    /// <summary>The 429 answer when no slot is free.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The service is busy with heavy requests.",
            detail: "Every slot for fits and every queue place is taken; retry later, or predict from a model document, which needs none.");
}
