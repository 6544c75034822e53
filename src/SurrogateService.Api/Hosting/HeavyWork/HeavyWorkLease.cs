namespace SurrogateService.Api.Hosting.HeavyWork;

/// <summary>A held heavy-work slot; disposing gives it back (once, however often it is disposed).</summary>
public sealed class HeavyWorkLease(Action release) : IDisposable
{
    private Action? _release = release;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
