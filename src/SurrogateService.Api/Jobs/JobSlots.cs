using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting.HeavyWork;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// A job computes in a slot of the process's <see cref="HeavyWorkPool"/>, like a synchronous heavy request, so that
/// the in-process workers and the heavy routes together never compute more at once than <c>Limits:HeavyConcurrency</c>
/// allows. A job waits in its owner's partition (<c>job:</c> and the owner key), so the pool's fair sharing holds
/// between the jobs of different callers and the requests of others.
/// </summary>
public sealed class JobSlots(HeavyWorkPool pool, IOptions<JobsOptions> options)
{
    /// <summary>The pool partition of an owner's jobs.</summary>
    public static string CallerOf(string owner) => "job:" + owner;

    /// <summary>A slot for the owner's job, waiting as long as it takes; cancelling the token gives up waiting.</summary>
    public async Task<HeavyWorkLease> AcquireAsync(string owner, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (true)
        {
            if (await pool.AcquireAsync(CallerOf(owner), cancellationToken) is { } lease)
                return lease;
            // The pool's queue had no place (or a request of a caller with fewer waiting took it): a job is never
            // refused, it asks again. Its message stays hidden meanwhile (the delivery lease renews it).
            await Task.Delay(pause, cancellationToken);
        }
    }
}
