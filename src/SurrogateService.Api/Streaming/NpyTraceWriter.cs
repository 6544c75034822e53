using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// The receivers' traces as one float64 NumPy array of shape (receivers, samples), written when the
/// run ends (a trace is complete only then); its length is known before the run.
/// </summary>
internal sealed class NpyTraceWriter(AcousticWave2D wave) : SnapshotWriter
{
    private readonly ReceiverTraces _traces = wave.Traces ?? throw new ArgumentException("The run records no traces.", nameof(wave));

    private byte[] Header => NpyHeader.Create(doublePrecision: true, _traces.Count, _traces.Length);

    public override string ContentType => "application/x-npy";

    public override string FileName => "acoustic2d-traces.npy";

    public override long? ContentLength => Header.Length + (long)_traces.Count * _traces.Length * sizeof(double);

    public override ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public override async ValueTask EndAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        output.Write<byte>(Header);
        for (int r = 0; r < _traces.Count; r++)
        {
            output.Write<byte>(MemoryMarshal.AsBytes(_traces.Trace(r)));
            await FlushAsync(output, cancellationToken);
        }
    }
}
