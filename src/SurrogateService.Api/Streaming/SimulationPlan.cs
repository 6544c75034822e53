using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>A validated simulation request: what to run and how to deliver it.</summary>
/// <param name="Stride">Every stride-th point of every stride-th row is delivered.</param>
/// <param name="DoublePrecision">npy only: float64 instead of float32.</param>
/// <param name="Frame">png only: the frame to draw.</param>
/// <param name="Snapshots">False: only the receivers' traces are delivered (JSON or npy).</param>
public sealed record SimulationPlan(
    AcousticWaveSettings Settings,
    SnapshotFormat Format,
    int Stride,
    bool DoublePrecision,
    int Frame,
    bool Snapshots = true)
{
    public int Width => WaveFrame.SampledLength(Settings.Nx, Stride);

    public int Height => WaveFrame.SampledLength(Settings.Ny, Stride);

    /// <summary>The first and last frame delivered: one for png, all for the others.</summary>
    public (int First, int Last) Frames => Format == SnapshotFormat.Png ? (Frame, Frame) : (0, Settings.FrameCount - 1);

    /// <summary>Frames written to the client: none when only traces are delivered.</summary>
    public int DeliveredFrames => Snapshots ? Frames.Last - Frames.First + 1 : 0;
}
