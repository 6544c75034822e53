namespace SurrogateService.Api.Hosting.HeavyWork;

/// <summary>
/// The one pool of heavy-work slots, shared by the REST routes, fits inside light routes and the
/// UM-Bridge port, and partitioned by caller so that one caller's flood cannot lock the others out.
/// <list type="bullet">
/// <item>A free slot goes to whoever asks; nobody waits while a slot is free.</item>
/// <item>A slot that frees goes to the waiting caller that holds the fewest slots (the oldest waiter
/// among equals), so a caller holds more than its share only while nobody else waits.</item>
/// <item>At most <c>queueLength</c> requests wait. When the queue is full, a newcomer displaces the newest
/// waiter of the caller with the most waiters, if that caller has more waiters than the newcomer's own;
/// otherwise the newcomer is refused. So a flood fills the queue with its own requests only until
/// someone else comes, and the refusals (429) land on the caller with the most waiting.</item>
/// </list>
/// </summary>
public sealed class HeavyWorkPool
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Caller> _callers = new(StringComparer.Ordinal);
    private long _arrivals;

    public HeavyWorkPool(int slots, int queueLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLength);
        Slots = slots;
        QueueLength = queueLength;
    }

    public int Slots { get; }

    public int QueueLength { get; }

    /// <summary>Slots held now.</summary>
    public int InUse { get; private set; }

    /// <summary>Requests waiting now.</summary>
    public int Waiting { get; private set; }

    /// <summary>Slots the caller holds now (for tests and diagnostics).</summary>
    public int HeldBy(string caller)
    {
        lock (_gate)
            return _callers.TryGetValue(caller, out var state) ? state.Held : 0;
    }

    /// <summary>Requests of the caller waiting now.</summary>
    public int WaitingFor(string caller)
    {
        lock (_gate)
            return _callers.TryGetValue(caller, out var state) ? state.Waiters.Count : 0;
    }

    /// <summary>A slot now, or null when every slot is taken.</summary>
    public HeavyWorkLease? TryAcquire(string caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_gate)
            return InUse < Slots ? Grant(StateOf(caller)) : null;
    }

    /// <summary>
    /// A slot, after waiting in the caller's queue if need be; null when refused (the queue is full, or
    /// this request was displaced by another caller's). Cancelling the token leaves the queue.
    /// </summary>
    public ValueTask<HeavyWorkLease?> AcquireAsync(string caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            var state = StateOf(caller);
            if (InUse < Slots)
                return ValueTask.FromResult<HeavyWorkLease?>(Grant(state));
            if (Waiting >= QueueLength && !DisplaceFor(state))
            {
                Forget(state);
                return ValueTask.FromResult<HeavyWorkLease?>(null);
            }
            waiter = new Waiter(state, ++_arrivals);
            state.Waiters.AddLast(waiter.Node);
            Waiting++;
        }
        if (cancellationToken.CanBeCanceled)
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        return new ValueTask<HeavyWorkLease?>(waiter.Completion.Task);
    }

    private void Release(Caller state)
    {
        Waiter? next;
        lock (_gate)
        {
            state.Held--;
            InUse--;
            next = NextWaiter();
            if (next is null)
            {
                Forget(state);
            }
            else
            {
                Dequeue(next);
                next.Lease = Grant(next.Caller);
                Forget(state);
            }
        }
        next?.Complete();
    }

    /// <summary>The head waiter of the caller holding the fewest slots; the oldest among equals.</summary>
    private Waiter? NextWaiter()
    {
        Waiter? best = null;
        foreach (var state in _callers.Values)
        {
            if (state.Waiters.First?.Value is not { } head)
                continue;
            if (best is null || state.Held < best.Caller.Held || (state.Held == best.Caller.Held && head.Arrival < best.Arrival))
                best = head;
        }
        return best;
    }

    /// <summary>Refuses the newest waiter of the caller with the most waiters, if it has more than <paramref name="newcomer"/>.</summary>
    private bool DisplaceFor(Caller newcomer)
    {
        Caller? crowded = null;
        foreach (var state in _callers.Values)
        {
            if (crowded is null || state.Waiters.Count > crowded.Waiters.Count)
                crowded = state;
        }
        if (crowded is null || crowded.Waiters.Count <= newcomer.Waiters.Count)
            return false;
        var displaced = crowded.Waiters.Last!.Value;
        Dequeue(displaced);
        // Completed outside the caller's lock would be tidier, but the continuation runs asynchronously
        // (RunContinuationsAsynchronously), so completing here cannot re-enter the pool under the lock.
        displaced.Complete();
        return true;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node.List is null)
                return; // already granted or displaced
            Dequeue(waiter);
            Forget(waiter.Caller);
        }
        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private void Dequeue(Waiter waiter)
    {
        waiter.Caller.Waiters.Remove(waiter.Node);
        Waiting--;
        // Unregister, not Dispose: Dispose waits for a running cancellation callback, which needs the lock held here.
        waiter.Registration.Unregister();
    }

    private HeavyWorkLease Grant(Caller state)
    {
        state.Held++;
        InUse++;
        return new HeavyWorkLease(() => Release(state));
    }

    private Caller StateOf(string caller)
    {
        if (!_callers.TryGetValue(caller, out var state))
            _callers[caller] = state = new Caller(caller);
        return state;
    }

    /// <summary>Drops an idle caller's entry, so the table holds only callers with work.</summary>
    private void Forget(Caller state)
    {
        if (state.Held == 0 && state.Waiters.Count == 0)
            _callers.Remove(state.Name);
    }

    private sealed class Caller(string name)
    {
        public string Name { get; } = name;

        public int Held { get; set; }

        public LinkedList<Waiter> Waiters { get; } = new();
    }

    private sealed class Waiter
    {
        public Waiter(Caller caller, long arrival)
        {
            Caller = caller;
            Arrival = arrival;
            Node = new LinkedListNode<Waiter>(this);
        }

        public Caller Caller { get; }

        public long Arrival { get; }

        public LinkedListNode<Waiter> Node { get; }

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>The slot it was granted; null when it was displaced.</summary>
        public HeavyWorkLease? Lease { get; set; }

        public TaskCompletionSource<HeavyWorkLease?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete()
        {
            if (!Completion.TrySetResult(Lease))
                Lease?.Dispose(); // cancelled at the same moment: give the slot back
        }
    }
}
