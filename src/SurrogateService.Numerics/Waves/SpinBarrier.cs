namespace SurrogateService.Numerics.Waves;

/// <summary>
/// A sense-reversing barrier for a fixed set of threads that meet twice per time step. A step on a
/// cache-resident grid takes tens of microseconds, so waiting threads spin (then yield, never
/// sleep) instead of blocking in the kernel as <see cref="Barrier"/> eventually does.
/// </summary>
internal sealed class SpinBarrier(int participants)
{
    private readonly int _participants = participants;
    private int _remaining = participants;
    private volatile int _phase;
    private volatile bool _broken;

    /// <summary>Arrives and waits for the others; throws once <see cref="Break"/> has been called.</summary>
    public void SignalAndWait()
    {
        int phase = _phase;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            // Reset before publishing the new phase: a thread released by it may arrive at the
            // next meeting at once.
            _remaining = _participants;
            _phase = phase + 1;
            return;
        }
        var spinner = new SpinWait();
        while (_phase == phase)
        {
            if (_broken)
                throw new InvalidOperationException("Another participant failed.");
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Releases every waiting thread with an exception, so one failing thread cannot hang the others.</summary>
    public void Break() => _broken = true;
}
