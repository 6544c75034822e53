using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class AcousticWave2DTests
{
    [Fact]
    public void Reproduces_the_NUMERICS_md_reference_run()
    {
        // nx = ny = 127, lx = ly = 40, nt = 200.
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = 127, Ny = 127, Steps = 200 });
        wave.Advance(200);

        Assert.Equal(31.17245310524, Sum(wave.Pressure), 1e-10);
        Assert.Equal(0.07493021272032, Max(wave.Pressure), 1e-13);
    }

    [Fact]
    public void Total_pressure_is_conserved_and_equals_the_Gaussian_integral()
    {
        // Σ P·dx·dy ≈ ∫ exp(−r²) = π at step 0; the divergence telescopes to the walls, so Σ P stays.
        using var wave = new AcousticWave2D(new AcousticWaveSettings());
        double initial = Sum(wave.Pressure);
        Assert.Equal(Math.PI, initial * wave.Dx * wave.Dy, 1e-9);

        foreach (var frame in wave.Snapshots())
            Assert.True(Math.Abs(Sum(frame.Pressure) - initial) <= 1e-12 * initial, $"Σ P drifted at step {frame.Step}");
        Assert.Equal(1000, wave.StepsTaken);
    }

    [Theory]
    [InlineData(61, 47, 30.0, 23.0, 0.7, 2.5, 3.9, 1)]
    [InlineData(61, 47, 30.0, 23.0, 0.7, 2.5, 3.9, 3)]
    [InlineData(50, 90, 12.0, 40.0, 3.0, 0.5, 2.0, 2)]
    public void Agrees_with_the_textbook_recipe_at_every_point(int nx, int ny, double lx, double ly, double k, double rho, double cfl, int threads)
    {
        // An off-centre, wider pulse on a non-square grid with dx ≠ dy: every index and coefficient matters.
        var settings = new AcousticWaveSettings
        {
            Nx = nx, Ny = ny, Lx = lx, Ly = ly, BulkModulus = k, Density = rho, CflFactor = cfl,
            PulseCentre = (lx / 3, ly * 0.6), PulseWidth = 1.7, Threads = threads, Steps = 150,
        };
        var expected = TextbookAcousticWave.Run(settings, 150);
        using var wave = new AcousticWave2D(settings);
        wave.Advance(150);

        double scale = Max(wave.Pressure);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
                Assert.True(Math.Abs(wave.Pressure[j * nx + i] - expected[i, j]) <= 1e-12 * scale, $"P differs at i={i}, j={j}");
    }

    [Fact]
    public void Centred_pulse_stays_mirror_and_transpose_symmetric()
    {
        const int n = 101;
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = n, Ny = n, Steps = 400 });
        wave.Advance(400);
        var p = wave.Pressure;
        double scale = Max(p);

        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                double value = p[j * n + i];
                Assert.Equal(value, p[j * n + (n - 1 - i)], 1e-13 * scale);
                Assert.Equal(value, p[(n - 1 - j) * n + i], 1e-13 * scale);
                Assert.Equal(value, p[i * n + j], 1e-13 * scale);
            }
    }

    [Fact]
    public void Centred_pulse_on_a_rectangle_is_mirror_symmetric_in_both_axes()
    {
        const int nx = 81, ny = 41;
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = nx, Ny = ny, Lx = 40, Ly = 20, Steps = 300 });
        wave.Advance(300);
        var p = wave.Pressure;
        double scale = Max(p);

        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                Assert.Equal(p[j * nx + i], p[j * nx + (nx - 1 - i)], 1e-13 * scale);
                Assert.Equal(p[j * nx + i], p[(ny - 1 - j) * nx + i], 1e-13 * scale);
            }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Any_thread_count_gives_bitwise_the_same_pressure(int threads)
    {
        var settings = new AcousticWaveSettings { Nx = 331, Ny = 290, PulseCentre = (13, 27), Steps = 120 };
        using var serial = new AcousticWave2D(settings with { Threads = 1 });
        using var parallel = new AcousticWave2D(settings with { Threads = threads });
        serial.Advance(120);
        parallel.Advance(70);
        parallel.Advance(50);

        Assert.Equal(threads, parallel.ThreadCount);
        Assert.True(serial.Pressure.SequenceEqual(parallel.Pressure));
    }

    [Theory]
    [InlineData(40, 20, 1)]     // too few cells for a second thread
    [InlineData(2000, 20, 1)]   // enough cells, too few rows
    [InlineData(255, 255, 3)]   // 65 025 cells: three threads of at least 16 384
    [InlineData(1000, 1000, 8)]
    public void Small_grids_run_on_fewer_threads_than_asked(int nx, int ny, int expected)
    {
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = nx, Ny = ny, Threads = 8, Steps = 10 });
        Assert.Equal(expected, wave.ThreadCount);
    }

    [Fact]
    public void Snapshots_come_every_interval_up_to_the_last_step_and_stop_with_the_consumer()
    {
        var settings = new AcousticWaveSettings { Nx = 31, Ny = 31, Steps = 95, SnapshotEvery = 20 };
        using var wave = new AcousticWave2D(settings);
        var frames = wave.Snapshots().Select(f => (f.Index, f.Step, f.Time)).ToList();

        Assert.Equal(4, settings.FrameCount);
        Assert.Equal([(0, 20, 20 * wave.Dt), (1, 40, 40 * wave.Dt), (2, 60, 60 * wave.Dt), (3, 80, 80 * wave.Dt)], frames);

        using var partial = new AcousticWave2D(settings);
        var second = partial.Snapshots().ElementAt(1);
        Assert.Equal(40, partial.StepsTaken);
        Assert.Equal(40, second.Step);
    }

    [Fact]
    public void A_frame_refuses_to_show_a_later_state()
    {
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = 31, Ny = 31, Steps = 20, SnapshotEvery = 10 });
        using var frames = wave.Snapshots().GetEnumerator();
        Assert.True(frames.MoveNext());
        var first = frames.Current;
        Assert.Equal(wave.Pressure.Length, first.Pressure.Length);
        Assert.True(frames.MoveNext());

        Assert.Throws<InvalidOperationException>(() => first.Pressure.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancellation_stops_a_long_run_between_steps(int threads)
    {
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = 255, Ny = 255, Steps = 10_000_000, Threads = threads });
        // Cancelled once the run has taken some steps (a condition, not a time), from another thread.
        using var cancel = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (wave.StepsTaken < 10)
                await Task.Delay(1);
            await cancel.CancelAsync();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => wave.Advance(10_000_000, cancel.Token));
        await watcher;
        Assert.InRange(wave.StepsTaken, 10, 9_999_999);

        // The state stays consistent: the run can go on, and Σ P is still conserved.
        double sum = Sum(wave.Pressure);
        wave.Advance(3);
        Assert.Equal(sum, Sum(wave.Pressure), 1e-12 * sum);
    }

    [Fact]
    public void Cancelling_the_snapshot_enumeration_throws_at_the_next_frame()
    {
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = 63, Ny = 63, Steps = 100, SnapshotEvery = 10 });
        using var cancel = new CancellationTokenSource();
        using var frames = wave.Snapshots(cancel.Token).GetEnumerator();
        Assert.True(frames.MoveNext());
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => frames.MoveNext());
        Assert.Equal(10, wave.StepsTaken);
    }

    [Fact]
    public void A_run_at_the_stability_bound_stays_bounded()
    {
        // Square cells: the bound is √2; run long enough for any unstable mode to explode.
        var settings = new AcousticWaveSettings { Nx = 64, Ny = 64, Steps = 5000 };
        using var wave = new AcousticWave2D(settings with { CflFactor = settings.MinimumCflFactor });
        wave.Advance(5000);

        Assert.True(wave.Pressure.ToArray().All(p => Math.Abs(p) <= 1), "pressure grew beyond the initial peak");
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
            sum += v;
        return sum;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
            max = Math.Max(max, v);
        return max;
    }
}
