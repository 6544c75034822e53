using System.Runtime.CompilerServices;

namespace SurrogateService.Numerics.Waves;

/// <summary>
/// The 2-D acoustic wave of ParallelStencil's acoustic2D miniapp: pressure P (nx×ny) and the
/// face velocities Vx ((nx+1)×ny) and Vy (nx×(ny+1)) on a staggered grid with rigid walls. Each
/// step updates the velocities from P, then P from the new velocities:
/// Vx −= dt/ρ·∂P/∂x, Vy −= dt/ρ·∂P/∂y, P −= dt·k·(∂Vx/∂x + ∂Vy/∂y).
/// </summary>
/// <remarks>
/// Arrays are row-major with x contiguous (row j holds the points of y_j), the layout of the
/// frames it produces. The coefficients dt/(ρ·dx), dt·k/dx, … are folded once, so values agree
/// with the miniapp's left-to-right evaluation to rounding, not bit for bit.
/// <para>One sweep per step walks the rows upwards doing Vx of row j, Vy of the face above it and
/// then P of row j: by then both faces of row j are new and row j+1 is still old. So the sweep
/// reads and writes each array once per step (ParallelStencil's A_eff), where a velocity loop
/// followed by a pressure loop reads every array a second time.
/// Threads take bands of rows; the face at the foot of each band is updated first and the threads
/// meet once before their sweeps and once after. Every cell is computed by the same expression
/// whatever the band split, so results are bitwise the same for any thread count.</para>
/// </remarks>
public sealed class AcousticWave2D : IDisposable
{
    /// <summary>
    /// Less work than this per thread and step costs more at the two barriers than it gains
    /// (measured here: a 127² grid ran slower on two threads than on one).
    /// </summary>
    private const int MinimumCellsPerThread = 16_384;

    /// <summary>Bands narrower than this are mostly band edges.</summary>
    private const int MinimumRowsPerThread = 16;

    private readonly double[] _p;
    private readonly double[] _vx;
    private readonly double[] _vy;
    private readonly int _nx;
    private readonly int _ny;
    private readonly double _velocityX;
    private readonly double _velocityY;
    private readonly double _pressureX;
    private readonly double _pressureY;
    private readonly int[] _bandStart;
    private readonly WorkerTeam? _team;
    private readonly Action<int> _teamWork;
    private int _pendingSteps;
    private CancellationToken _cancellation;
    private volatile bool _stop;

    public AcousticWave2D(AcousticWaveSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _nx = settings.Nx;
        _ny = settings.Ny;
        _p = new double[_nx * _ny];
        _vx = new double[(_nx + 1) * _ny];
        _vy = new double[_nx * (_ny + 1)];
        Dx = settings.Dx;
        Dy = settings.Dy;
        Dt = settings.Dt;
        _velocityX = Dt / settings.Density / Dx;
        _velocityY = Dt / settings.Density / Dy;
        _pressureX = Dt * settings.BulkModulus / Dx;
        _pressureY = Dt * settings.BulkModulus / Dy;
        InitialPeak = FillGaussianPulse();
        if (settings.Receivers.Count > 0)
            Traces = new ReceiverTraces(settings);

        int useful = Math.Min(_ny / MinimumRowsPerThread, (int)Math.Min(int.MaxValue, (long)_nx * _ny / MinimumCellsPerThread));
        int threads = Math.Clamp(useful, 1, settings.Threads);
        _bandStart = new int[threads + 1];
        for (int t = 0; t <= threads; t++)
            _bandStart[t] = (int)((long)_ny * t / threads);
        _teamWork = RunBand;
        if (threads > 1)
            _team = new WorkerTeam(threads);
    }

    public AcousticWaveSettings Settings { get; }

    public double Dx { get; }

    public double Dy { get; }

    public double Dt { get; }

    /// <summary>Threads actually used (the requested count, reduced on small grids).</summary>
    public int ThreadCount => _bandStart.Length - 1;

    /// <summary>Steps taken so far.</summary>
    public int StepsTaken { get; private set; }

    public double Time => StepsTaken * Dt;

    /// <summary>max |P| at step 0, a colour scale that fits every later frame of a closed box.</summary>
    public double InitialPeak { get; }

    /// <summary>The pressure recorded at the receivers so far; null when the settings name none.</summary>
    public ReceiverTraces? Traces { get; }

    /// <summary>The current pressure, ny rows of nx values (row j is y_j); valid until the next step.</summary>
    public ReadOnlySpan<double> Pressure => _p;

    /// <summary>Takes <paramref name="steps"/> steps; checks for cancellation between steps.</summary>
    public void Advance(int steps, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        cancellationToken.ThrowIfCancellationRequested();
        if (_team is null)
        {
            for (int s = 0; s < steps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SweepRows(0, _ny);
                StepsTaken++;
                Traces?.Record(_p, StepsTaken);
            }
            return;
        }
        _pendingSteps = steps;
        _cancellation = cancellationToken;
        _stop = false;
        _team.Run(_teamWork);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Runs on from the current state and yields a frame every <see cref="AcousticWaveSettings.SnapshotEvery"/>
    /// steps while that stays within <see cref="AcousticWaveSettings.Steps"/>. A frame shows the live
    /// state: read or copy it before asking for the next. Stopping the enumeration stops the run.
    /// </summary>
    public IEnumerable<WaveFrame> Snapshots(CancellationToken cancellationToken = default) =>
        Snapshots(checkpointEvery: 0, checkpoint: null, cancellationToken);

    /// <summary>
    /// As <see cref="Snapshots(CancellationToken)"/>, from wherever the run stands (a restored run yields the frames
    /// it had not reached), and tells <paramref name="checkpoint"/> at every multiple of <paramref name="checkpointEvery"/>
    /// steps that falls strictly between two frames (0: never): a run restored from <see cref="Checkpoint"/> there
    /// yields exactly the frames that follow. The steps are the same however the run is divided.
    /// </summary>
    public IEnumerable<WaveFrame> Snapshots(int checkpointEvery, Action? checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(checkpointEvery);
        int every = Settings.SnapshotEvery;
        // Frame i is taken after step (i + 1)·every, so a run standing at step s has taken floor(s / every) of them.
        for (int index = StepsTaken / every; (index + 1) * (long)every <= Settings.Steps; index++)
        {
            int frameStep = (index + 1) * every;
            while (StepsTaken < frameStep)
            {
                int target = checkpointEvery == 0 ? frameStep : (int)Math.Min(frameStep, (StepsTaken / checkpointEvery + 1L) * checkpointEvery);
                Advance(target - StepsTaken, cancellationToken);
                if (StepsTaken < frameStep)
                    checkpoint?.Invoke();
            }
            yield return new WaveFrame(this, index, StepsTaken, Time);
        }
    }

    /// <summary>The state of the run now: enough for <see cref="Restore"/> to go on bit for bit.</summary>
    public AcousticWaveCheckpoint Checkpoint() =>
        new(StepsTaken, [.. _p], [.. _vx], [.. _vy], Traces?.Samples.ToArray() ?? [], Traces?.Recorded ?? 0);

    /// <summary>Puts a fresh run of the same settings where <paramref name="checkpoint"/> left one.</summary>
    /// <exception cref="ArgumentException">The checkpoint is not of a run with these settings.</exception>
    public void Restore(AcousticWaveCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Steps < 0 || checkpoint.Steps > Settings.Steps || checkpoint.Pressure.Length != _p.Length
            || checkpoint.VelocityX.Length != _vx.Length || checkpoint.VelocityY.Length != _vy.Length)
        {
            throw new ArgumentException("The checkpoint is not of a run with these settings.", nameof(checkpoint));
        }
        checkpoint.Pressure.CopyTo(_p, 0);
        checkpoint.VelocityX.CopyTo(_vx, 0);
        checkpoint.VelocityY.CopyTo(_vy, 0);
        Traces?.Restore(checkpoint.TraceSamples, checkpoint.TracesRecorded);
        StepsTaken = checkpoint.Steps;
    }

    public void Dispose() => _team?.Dispose();

    /// <summary>P = exp(−((x − cx)² + (y − cy)²)/w²) at x = i·dx, y = j·dy; returns max |P|.</summary>
    private double FillGaussianPulse()
    {
        var (cx, cy) = Settings.EffectivePulseCentre;
        double w2 = Settings.PulseWidth * Settings.PulseWidth;
        double peak = 0;
        for (int j = 0; j < _ny; j++)
        {
            double y = j * Dy - cy;
            for (int i = 0; i < _nx; i++)
            {
                double x = i * Dx - cx;
                double value = Math.Exp(-(x * x + y * y) / w2);
                _p[j * _nx + i] = value;
                peak = Math.Max(peak, value);
            }
        }
        return peak;
    }

    /// <summary>One worker's share of <see cref="_pendingSteps"/> steps: its band of rows.</summary>
    private void RunBand(int worker)
    {
        int first = _bandStart[worker];
        int end = _bandStart[worker + 1];
        var barrier = _team!.Barrier;
        for (int s = 0; s < _pendingSteps; s++)
        {
            if (first > 0)
                UpdateFaceBelow(first);
            barrier.SignalAndWait();
            SweepRows(first, end);
            if (worker == 0)
            {
                StepsTaken++;
                _stop = _cancellation.IsCancellationRequested;
            }
            // Every worker reads _stop after this meeting and worker 0 writes it again only after
            // the next one, so all workers leave after the same step.
            barrier.SignalAndWait();
            // Between this meeting and the next, workers only write Vy (the faces at their band's
            // foot), so worker 0 reads a complete, still pressure field.
            if (worker == 0)
                Traces?.Record(_p, StepsTaken);
            if (_stop)
                return;
        }
    }

    /// <summary>
    /// Vx and P of rows [first, end) and Vy of the faces between them; Vy of the face at the foot
    /// (row first) must already be new, the face at the top (row end) is the next band's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SweepRows(int first, int end)
    {
        int nx = _nx;
        for (int j = first; j < end; j++)
        {
            var row = _p.AsSpan(j * nx, nx);
            if (j >= 1 && j <= _ny - 2)
                StaggeredKernels.VelocityX(_vx.AsSpan(j * (nx + 1), nx + 1), row, _velocityX);
            if (j + 1 < end)
                UpdateFaceBelow(j + 1);
            StaggeredKernels.Pressure(row, _vx.AsSpan(j * (nx + 1), nx + 1),
                _vy.AsSpan(j * nx, nx), _vy.AsSpan((j + 1) * nx, nx), _pressureX, _pressureY);
        }
    }

    /// <summary>Vy of the face between pressure rows j−1 and j, from the old values of both rows.</summary>
    private void UpdateFaceBelow(int j) =>
        StaggeredKernels.VelocityY(_vy.AsSpan(j * _nx, _nx), _p.AsSpan((j - 1) * _nx, _nx), _p.AsSpan(j * _nx, _nx), _velocityY);
}
