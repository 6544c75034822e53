using SurrogateService.Api.Hosting.HeavyWork;

namespace SurrogateService.Api.Tests;

/// <summary>The shared heavy-work pool: slots, the fair order of waiters, the queue's bound and who is refused.</summary>
public class HeavyWorkPoolTests
{
    [Fact]
    public async Task Free_slots_are_taken_at_once_and_a_freed_slot_goes_to_the_waiter()
    {
        var pool = new HeavyWorkPool(slots: 2, queueLength: 4);
        var first = await pool.AcquireAsync("a", CancellationToken.None);
        var second = await pool.AcquireAsync("a", CancellationToken.None);
        var third = pool.AcquireAsync("a", CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.False(third.IsCompleted);
        Assert.Null(pool.TryAcquire("b"));
        Assert.Equal((2, 1), (pool.InUse, pool.Waiting));

        first!.Dispose();
        first.Dispose(); // twice gives back one slot
        var granted = await third;
        Assert.NotNull(granted);
        Assert.Equal((2, 0), (pool.InUse, pool.Waiting));
        granted!.Dispose();
        second!.Dispose();
        Assert.Equal(0, pool.InUse);
    }

    [Fact]
    public async Task A_freed_slot_goes_to_the_waiting_caller_holding_fewer_slots_before_older_waiters_of_a_flooding_caller()
    {
        var pool = new HeavyWorkPool(slots: 2, queueLength: 8);
        var a1 = await pool.AcquireAsync("a", CancellationToken.None);
        var a2 = await pool.AcquireAsync("a", CancellationToken.None);
        var a3 = pool.AcquireAsync("a", CancellationToken.None);
        var a4 = pool.AcquireAsync("a", CancellationToken.None);
        var b1 = pool.AcquireAsync("b", CancellationToken.None);

        a1!.Dispose();

        Assert.True(b1.IsCompleted, "b, holding nothing, should get the freed slot before a's older waiters");
        Assert.False(a3.IsCompleted);
        Assert.Equal((1, 1), (pool.HeldBy("a"), pool.HeldBy("b")));

        // With one slot each, the next freed slot is a's again: it gets its share back.
        (await b1)!.Dispose();
        Assert.NotNull(await a3);
        Assert.False(a4.IsCompleted);
        a2!.Dispose();
        Assert.NotNull(await a4);
    }

    [Fact]
    public async Task A_full_queue_refuses_the_newest_waiter_of_the_caller_with_the_most_waiting_not_a_newcomer()
    {
        var pool = new HeavyWorkPool(slots: 1, queueLength: 2);
        var a1 = await pool.AcquireAsync("a", CancellationToken.None);
        var a2 = pool.AcquireAsync("a", CancellationToken.None);
        var a3 = pool.AcquireAsync("a", CancellationToken.None);

        var b1 = pool.AcquireAsync("b", CancellationToken.None);

        Assert.True(a3.IsCompleted);
        Assert.Null(await a3); // displaced: a's request is refused (429)
        Assert.False(b1.IsCompleted); // b waits in its place
        Assert.Equal((1, 1), (pool.WaitingFor("a"), pool.WaitingFor("b")));

        // Now a and b wait alike: a further request of a is refused itself, and so is one of b.
        Assert.Null(await pool.AcquireAsync("a", CancellationToken.None));
        Assert.Null(await pool.AcquireAsync("b", CancellationToken.None));
        Assert.False(a2.IsCompleted);

        a1!.Dispose();
        (await a2)!.Dispose();
        Assert.NotNull(await b1);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_a_caller_without_work_is_forgotten()
    {
        var pool = new HeavyWorkPool(slots: 1, queueLength: 1);
        var held = await pool.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = pool.AcquireAsync("b", cancel.Token);
        Assert.Equal(1, pool.Waiting);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.Equal((0, 0), (pool.Waiting, pool.WaitingFor("b")));
        held!.Dispose();
        Assert.Equal((0, 0), (pool.InUse, pool.HeldBy("a")));
        Assert.NotNull(pool.TryAcquire("b"));
    }

    [Fact]
    public async Task Without_a_queue_only_the_slots_are_admitted()
    {
        var pool = new HeavyWorkPool(slots: 1, queueLength: 0);
        using var held = pool.TryAcquire("a");
        Assert.NotNull(held);
        Assert.Null(await pool.AcquireAsync("b", CancellationToken.None));
    }
}
