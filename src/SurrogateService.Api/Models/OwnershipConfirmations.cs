using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Models;

/// <summary>
/// Which owners this replica has lately seen holding which models (stored, read or checked), so that a
/// warm <c>modelId</c> call skips the store's existence check for <c>Storage:OwnershipCheckSeconds</c>.
/// Stored models are immutable, so the only staleness is a deletion through another replica, seen
/// within that time; a deletion through this replica is seen at once. Only a confirmed owner's own
/// model is ever served, so the window never lets one caller reach another's model.
/// </summary>
public sealed class OwnershipConfirmations(IOptions<StorageOptions> options, TimeProvider clock)
{
    /// <summary>Past this many entries the expired ones are dropped; the rest are a few dozen bytes each.</summary>
    private const int PruneAbove = 100_000;

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.OwnershipCheckSeconds);
    private readonly ConcurrentDictionary<(string Owner, string Id), DateTimeOffset> _until = new();

    public bool IsFresh(string owner, string id) =>
        _until.TryGetValue((owner, id), out var until) && clock.GetUtcNow() < until;

    public void Confirm(string owner, string id)
    {
        if (_lifetime <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow();
        if (_until.Count > PruneAbove)
        {
            foreach (var entry in _until.Where(e => e.Value <= now))
                _until.TryRemove(entry.Key, out _);
        }
        _until[(owner, id)] = now + _lifetime;
    }

    public void Forget(string owner, string id) => _until.TryRemove((owner, id), out _);
}
