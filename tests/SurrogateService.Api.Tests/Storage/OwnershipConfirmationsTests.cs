using Microsoft.Extensions.Options;
using SurrogateService.Api.Models;
using SurrogateService.Api.Storage;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>A replica trusts a caller's ownership only for the configured time, per owner, and forgets it on deletion.</summary>
public sealed class OwnershipConfirmationsTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_confirmation_holds_for_its_owner_until_it_expires_or_is_forgotten()
    {
        var clock = new ManualClock();
        var confirmations = new OwnershipConfirmations(Options.Create(new StorageOptions { OwnershipCheckSeconds = 30 }), clock);

        confirmations.Confirm("alice", "m1");
        Assert.True(confirmations.IsFresh("alice", "m1"));
        Assert.False(confirmations.IsFresh("bob", "m1"));

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.True(confirmations.IsFresh("alice", "m1"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.False(confirmations.IsFresh("alice", "m1"));

        confirmations.Confirm("alice", "m1");
        confirmations.Forget("alice", "m1");
        Assert.False(confirmations.IsFresh("alice", "m1"));
    }

    [Fact]
    public void Zero_seconds_asks_the_store_every_time()
    {
        var confirmations = new OwnershipConfirmations(Options.Create(new StorageOptions { OwnershipCheckSeconds = 0 }), new ManualClock());
        confirmations.Confirm("alice", "m1");
        Assert.False(confirmations.IsFresh("alice", "m1"));
    }
}
