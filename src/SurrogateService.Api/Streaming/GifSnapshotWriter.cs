using System.IO.Pipelines;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// An animated GIF of every frame in viridis, looping like the miniapp's acoustic2D.gif (15 frames
/// a second). The colour scale is fixed for the whole film: ±max|P| of the initial pulse, so zero
/// pressure is the middle colour and frames compare by eye.
/// </summary>
internal sealed class GifSnapshotWriter(SimulationPlan plan, AcousticWave2D wave) : SnapshotWriter
{
    /// <summary>1/15 s, as near as GIF's hundredths allow.</summary>
    private const int FrameDelayCentiseconds = 7;

    private readonly GifEncoder _gif = new(plan.Width, plan.Height);
    private readonly byte[] _pixels = new byte[plan.Width * plan.Height];
    private readonly double[] _row = new double[plan.Width];
    private readonly ColorScale _scale = ColorScale.Symmetric(wave.InitialPeak);

    public override string ContentType => "image/gif";

    public override string FileName => "acoustic2d.gif";

    public override async ValueTask StartAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        _gif.WriteHeader(output, ColorMaps.Viridis);
        await FlushAsync(output, cancellationToken);
    }

    public override async ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken)
    {
        WaveImage.ToIndices(frame, plan.Stride, _scale, _pixels, _row);
        _gif.WriteFrame(output, _pixels, FrameDelayCentiseconds);
        await FlushAsync(output, cancellationToken);
    }

    public override async ValueTask EndAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        GifEncoder.WriteTrailer(output);
        await FlushAsync(output, cancellationToken);
    }
}
