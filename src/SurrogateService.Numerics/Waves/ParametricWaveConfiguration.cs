namespace SurrogateService.Numerics.Waves;

/// <summary>
/// What stays fixed while <see cref="ParametricAcousticWave"/>'s inputs vary: the grid, the time
/// stepping and the receivers. The defaults are the miniapp's grid and run (255², 40 × 40, 1000
/// steps) with four receivers at the quarter points.
/// </summary>
public sealed record ParametricWaveConfiguration
{
    public int Nx { get; init; } = 255;

    public int Ny { get; init; } = 255;

    public double Lx { get; init; } = 40;

    public double Ly { get; init; } = 40;

    public int Steps { get; init; } = 1000;

    public double CflFactor { get; init; } = 4.1;

    /// <summary>A trace sample every this many steps.</summary>
    public int TraceEvery { get; init; } = 1;

    public IReadOnlyList<(double X, double Y)> Receivers { get; init; } = [(10, 10), (30, 10), (10, 30), (30, 30)];

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The settings of one run at the given physics and pulse.</summary>
    public AcousticWaveSettings Settings(double bulkModulus, double density, double sourceX, double sourceY, double pulseWidth) => new()
    {
        Nx = Nx, Ny = Ny, Lx = Lx, Ly = Ly, Steps = Steps, CflFactor = CflFactor, TraceEvery = TraceEvery,
        Receivers = Receivers, Threads = Threads, SnapshotEvery = Steps,
        BulkModulus = bulkModulus, Density = density, PulseCentre = (sourceX, sourceY), PulseWidth = pulseWidth,
    };
}
