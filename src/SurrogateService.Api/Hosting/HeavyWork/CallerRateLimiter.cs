using System.Threading.RateLimiting;

namespace SurrogateService.Api.Hosting.HeavyWork;

/// <summary>
/// One caller's view of the <see cref="HeavyWorkPool"/>, as the ASP.NET Core rate-limiting middleware
/// wants it: the middleware keeps one per caller (partition) and asks it for a lease per request.
/// </summary>
public sealed class CallerRateLimiter(HeavyWorkPool pool, string caller) : RateLimiter
{
    /// <summary>Idle when the caller neither holds nor waits for a slot, so the middleware may drop it.</summary>
    public override TimeSpan? IdleDuration =>
        pool.HeldBy(caller) + pool.WaitingFor(caller) == 0 ? TimeSpan.MaxValue : null;

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = pool.Slots - pool.InUse,
        CurrentQueuedCount = pool.WaitingFor(caller),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Of(pool.TryAcquire(caller));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Lease.Of(await pool.AcquireAsync(caller, cancellationToken));

    private sealed class Lease(HeavyWorkLease? slot) : RateLimitLease
    {
        public override bool IsAcquired => slot is not null;

        public override IEnumerable<string> MetadataNames => [];

        public static Lease Of(HeavyWorkLease? slot) => new(slot);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                slot?.Dispose();
        }
    }
}
