using System.Buffers;
using System.IO.Pipelines;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>One frame as an indexed PNG in viridis, on the same fixed colour scale as the GIF.</summary>
internal sealed class PngSnapshotWriter(SimulationPlan plan, AcousticWave2D wave) : SnapshotWriter
{
    private readonly ColorScale _scale = ColorScale.Symmetric(wave.InitialPeak);

    public override string ContentType => "image/png";

    public override async ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken)
    {
        var pixels = new byte[plan.Width * plan.Height];
        WaveImage.ToIndices(frame, plan.Stride, _scale, pixels, new double[plan.Width]);
        output.Write<byte>(PngEncoder.EncodeIndexed(plan.Width, plan.Height, pixels, ColorMaps.Viridis));
        await FlushAsync(output, cancellationToken);
    }
}
