using System.IO.Pipelines;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// Writes the snapshots of a run in one format straight into the response pipe: a start, every
/// delivered frame as it is computed, an end. Nothing is kept from one frame to the next but
/// fixed-size scratch rows, so memory does not grow with the number of frames.
/// </summary>
public abstract class SnapshotWriter : IDisposable
{
    /// <summary>Bytes gathered before they are pushed to the client, so a huge frame never sits whole in memory.</summary>
    protected const int FlushThreshold = 64 * 1024;

    public abstract string ContentType { get; }

    /// <summary>A file name for Content-Disposition, for formats a client saves rather than reads.</summary>
    public virtual string? FileName => null;

    /// <summary>The body length when it is known before the run.</summary>
    public virtual long? ContentLength => null;

    public static SnapshotWriter Create(SimulationPlan plan, AcousticWave2D wave)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(wave);
        return plan.Format switch
        {
            SnapshotFormat.Json => new JsonSnapshotWriter(plan, wave),
            SnapshotFormat.Npy when !plan.Snapshots => new NpyTraceWriter(wave),
            SnapshotFormat.Npy => new NpySnapshotWriter(plan),
            SnapshotFormat.Png => new PngSnapshotWriter(plan, wave),
            SnapshotFormat.Gif => new GifSnapshotWriter(plan, wave),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Format, "Unknown format."),
        };
    }

    public virtual ValueTask StartAsync(PipeWriter output, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public abstract ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken);

    /// <summary>
    /// In place of <see cref="StartAsync"/> for a run restored from a checkpoint, whose output so far (start and
    /// <paramref name="framesWritten"/> frames) is already in <paramref name="output"/>: takes up the state writing it
    /// left. Most formats keep none from one frame to the next.
    /// </summary>
    public virtual void Resume(PipeWriter output, int framesWritten)
    {
    }

    public virtual ValueTask EndAsync(PipeWriter output, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Sends what is buffered; a client that has gone away ends the run.</summary>
    protected static async ValueTask FlushAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = await output.FlushAsync(cancellationToken);
        if (result.IsCanceled || result.IsCompleted)
            throw new OperationCanceledException("The client stopped reading.", cancellationToken);
    }
}
