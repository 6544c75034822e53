using System.Runtime.ExceptionServices;

namespace SurrogateService.Numerics.Waves;

/// <summary>
/// A fixed team of threads that run one piece of work together: the calling thread is worker 0,
/// the others are dedicated background threads that live as long as the team. Starting work
/// costs one semaphore release, not a task or a thread per step; inside the work the workers meet
/// at <see cref="Barrier"/>.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private readonly SemaphoreSlim _start = new(0);
    private readonly Thread[] _threads;
    private Action<int>? _work;
    private volatile bool _disposed;
    private Exception? _failure;

    public WorkerTeam(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        Size = size;
        Barrier = new SpinBarrier(size);
        _threads = new Thread[size - 1];
        for (int w = 1; w < size; w++)
        {
            int index = w;
            _threads[w - 1] = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = $"wave worker {w}" };
            _threads[w - 1].Start();
        }
    }

    public int Size { get; }

    /// <summary>Where the workers meet; it also closes every <see cref="Run"/>.</summary>
    public SpinBarrier Barrier { get; }

    /// <summary>Runs work(w) for w = 0 … Size−1, worker 0 on the calling thread, and returns when all have finished.</summary>
    public void Run(Action<int> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
            throw new InvalidOperationException("An earlier run failed; the team cannot be reused.", _failure);
        _work = work;
        _start.Release(Size - 1);
        Execute(0);
        if (_failure is not null)
            ExceptionDispatchInfo.Capture(_failure).Throw();
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _start.Release(Size - 1);
        foreach (var thread in _threads)
            thread.Join();
        _start.Dispose();
    }

    private void WorkerLoop(int index)
    {
        while (true)
        {
            _start.Wait();
            if (_disposed)
                return;
            Execute(index);
        }
    }

    private void Execute(int index)
    {
        try
        {
            _work!(index);
            Barrier.SignalAndWait();
        }
        catch (Exception ex)
        {
            // Keep the first failure and release everyone else from the barrier.
            Interlocked.CompareExchange(ref _failure, ex, null);
            Barrier.Break();
        }
    }
}
