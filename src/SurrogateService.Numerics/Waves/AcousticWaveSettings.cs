namespace SurrogateService.Numerics.Waves;

/// <summary>
/// One run of the 2-D acoustic wave (ParallelStencil's acoustic2D miniapp): physics, grid, time
/// stepping, the initial Gaussian pulse and the thread count. The defaults are the miniapp's.
/// </summary>
public sealed record AcousticWaveSettings
{
    /// <summary>Smallest grid side: the staggered scheme needs an interior.</summary>
    public const int MinimumGridSize = 3;

    /// <summary>Pressure points along x (the contiguous index of every array).</summary>
    public int Nx { get; init; } = 255;

    /// <summary>Pressure points along y.</summary>
    public int Ny { get; init; } = 255;

    /// <summary>Domain length along x; pressure points sit at x = i·dx, i = 0 … nx − 1.</summary>
    public double Lx { get; init; } = 40;

    /// <summary>Domain length along y.</summary>
    public double Ly { get; init; } = 40;

    /// <summary>Bulk modulus k.</summary>
    public double BulkModulus { get; init; } = 1;

    /// <summary>Density ρ.</summary>
    public double Density { get; init; } = 1;

    /// <summary>Time steps of the whole run.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>A snapshot is taken every this many steps (the miniapp's <c>nout</c>).</summary>
    public int SnapshotEvery { get; init; } = 10;

    /// <summary>The divisor in dt = min(dx, dy)/c/cflFactor; must be at least <see cref="MinimumCflFactor"/>.</summary>
    public double CflFactor { get; init; } = 4.1;

    /// <summary>Centre of the initial Gaussian; null is the middle of the domain (lx/2, ly/2).</summary>
    public (double X, double Y)? PulseCentre { get; init; }

    /// <summary>Width w of the initial pressure P = exp(−((x − cx)² + (y − cy)²)/w²).</summary>
    public double PulseWidth { get; init; } = 1;

    /// <summary>
    /// Points (x, y) inside the domain where the pressure is recorded as a trace; empty records none.
    /// The value at a receiver is the bilinear interpolation of its four surrounding grid points.
    /// </summary>
    public IReadOnlyList<(double X, double Y)> Receivers { get; init; } = [];

    /// <summary>A trace sample is taken every this many steps (steps traceEvery, 2·traceEvery, … ≤ steps).</summary>
    public int TraceEvery { get; init; } = 1;

    /// <summary>Samples in each receiver's trace.</summary>
    public int TraceLength => Steps / TraceEvery;

    /// <summary>Threads that share the rows; the solver uses fewer on grids too small to split.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public double Dx => Lx / (Nx - 1);

    public double Dy => Ly / (Ny - 1);

    /// <summary>Speed of sound c = sqrt(k/ρ).</summary>
    public double SoundSpeed => Math.Sqrt(BulkModulus / Density);

    /// <summary>The miniapp's time step, min(dx, dy)/sqrt(k/ρ)/cflFactor, evaluated in that order.</summary>
    public double Dt => Math.Min(Dx, Dy) / Math.Sqrt(BulkModulus / Density) / CflFactor;

    public (double X, double Y) EffectivePulseCentre => PulseCentre ?? (Lx / 2, Ly / 2);

    /// <summary>Snapshots of the run: one at every multiple of <see cref="SnapshotEvery"/> up to <see cref="Steps"/>.</summary>
    public int FrameCount => Steps / SnapshotEvery;

    /// <summary>
    /// The staggered leapfrog scheme is stable while c·dt·sqrt(1/dx² + 1/dy²) ≤ 1. With
    /// dt = min(dx, dy)/c/f that reads f ≥ min(dx, dy)·sqrt(1/dx² + 1/dy²): √2 on a square grid,
    /// approaching 1 on very elongated cells. The bound does not depend on k or ρ.
    /// </summary>
    public double MinimumCflFactor => MinimumStableCflFactor(Dx, Dy);

    /// <inheritdoc cref="MinimumCflFactor"/>
    public static double MinimumStableCflFactor(double dx, double dy) =>
        Math.Min(dx, dy) * Math.Sqrt(1 / (dx * dx) + 1 / (dy * dy));

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting the solver cannot run with.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Nx, MinimumGridSize, nameof(Nx));
        ArgumentOutOfRangeException.ThrowIfLessThan(Ny, MinimumGridSize, nameof(Ny));
        RequirePositive(Lx, nameof(Lx));
        RequirePositive(Ly, nameof(Ly));
        RequirePositive(BulkModulus, nameof(BulkModulus));
        RequirePositive(Density, nameof(Density));
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotEvery, 1, nameof(SnapshotEvery));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SnapshotEvery, Steps, nameof(SnapshotEvery));
        RequirePositive(PulseWidth, nameof(PulseWidth));
        ArgumentNullException.ThrowIfNull(Receivers, nameof(Receivers));
        ArgumentOutOfRangeException.ThrowIfLessThan(TraceEvery, 1, nameof(TraceEvery));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TraceEvery, Steps, nameof(TraceEvery));
        foreach (var (x, y) in Receivers)
        {
            if (!(x >= 0 && x <= Lx && y >= 0 && y <= Ly))
                throw new ArgumentOutOfRangeException(nameof(Receivers), (x, y), "Every receiver must lie inside the domain.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        if (!double.IsFinite(CflFactor) || CflFactor < MinimumCflFactor)
            throw new ArgumentOutOfRangeException(nameof(CflFactor), CflFactor, $"Must be at least {MinimumCflFactor:R} for a stable run.");
        var (cx, cy) = EffectivePulseCentre;
        if (!(cx >= 0 && cx <= Lx && cy >= 0 && cy <= Ly))
            throw new ArgumentOutOfRangeException(nameof(PulseCentre), PulseCentre, "Must lie inside the domain.");
        if ((long)Nx * Ny > Array.MaxLength - Nx - Ny)
            throw new ArgumentException($"A {Nx}×{Ny} grid does not fit in one array.", nameof(Nx));
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive finite number.");
    }
}
