using Microsoft.Extensions.Options;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Models;

/// <summary>
/// Prepared (rebuilt and factorised) models of this replica, keyed by the hash of their canonical
/// document, least recently used first out, charged by <see cref="Charge"/> and bounded in bytes by
/// <c>Limits:ModelCacheBytes</c> (0 turns it off). Only a cache: a miss rebuilds the same model from its
/// document, which the tests check bit for bit.
/// </summary>
public sealed class PreparedModelCache(IOptions<LimitsOptions> limits)
{
    private readonly long _capacity = limits.Value.ModelCacheBytes;
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private long _bytes;

    public long CapacityBytes => _capacity;

    /// <summary>Bytes charged for the models held now; never above <see cref="CapacityBytes"/>.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
                return _bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public FittedSurrogate? Get(string hash)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(hash, out var node))
                return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Fitted;
        }
    }

    /// <summary>Keeps the model, evicting the least recently used until it fits; a model larger than the whole cache is not kept.</summary>
    public void Add(string hash, FittedSurrogate fitted)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        long charge = Charge(fitted.Model);
        if (charge > _capacity)
            return;
        lock (_lock)
        {
            if (_entries.ContainsKey(hash))
                return;
            while (_bytes + charge > _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Hash);
                _bytes -= oldest.Value.Charge;
            }
            _entries[hash] = _recency.AddFirst(new Entry(hash, fitted, charge));
            _bytes += charge;
        }
    }

    /// <summary>
    /// An upper bound of the memory a prepared model holds: two N×N matrices of doubles (a factor and its
    /// workspace; most kinds hold one or none) over all N observations, low-fidelity and gradient ones
    /// included, plus the points twice (Kriging keeps a dimension-major copy for few-point predictions) and
    /// a few vectors. A test checks it against the arrays a prepared model really holds.
    /// </summary>
    public static long Charge(ISurrogateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = model.Data;
        long n = data.ObservationCount + (data.LowFidelity?.Count ?? 0);
        long d = data.Dimension;
        return sizeof(double) * (2 * n * n + n * (2 * d + 8)) + 4_096;
    }

    private sealed record Entry(string Hash, FittedSurrogate Fitted, long Charge);
}
