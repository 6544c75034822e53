using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// One NumPy array of shape (frames, ny, nx) in float32 or float64: the header goes out first
/// (the shape is known before the run), then each frame's rows as they are computed.
/// </summary>
internal sealed class NpySnapshotWriter(SimulationPlan plan) : SnapshotWriter
{
    private readonly byte[] _header = NpyHeader.Create(plan.DoublePrecision, plan.Settings.FrameCount, plan.Height, plan.Width);

    private int ValueSize => plan.DoublePrecision ? sizeof(double) : sizeof(float);

    public override string ContentType => "application/x-npy";

    public override string FileName => "acoustic2d.npy";

    public override long? ContentLength => _header.Length + (long)plan.Settings.FrameCount * plan.Height * plan.Width * ValueSize;

    public override async ValueTask StartAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        output.Write<byte>(_header);
        await FlushAsync(output, cancellationToken);
    }

    public override async ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken)
    {
        int rowBytes = plan.Width * ValueSize;
        int unflushed = 0;
        for (int r = 0; r < plan.Height; r++)
        {
            var bytes = output.GetSpan(rowBytes)[..rowBytes];
            if (plan.DoublePrecision)
                frame.CopyRow(r, plan.Stride, MemoryMarshal.Cast<byte, double>(bytes));
            else
                frame.CopyRow(r, plan.Stride, MemoryMarshal.Cast<byte, float>(bytes));
            output.Advance(rowBytes);
            unflushed += rowBytes;
            if (unflushed > FlushThreshold)
            {
                await FlushAsync(output, cancellationToken);
                unflushed = 0;
            }
        }
        await FlushAsync(output, cancellationToken);
    }
}
