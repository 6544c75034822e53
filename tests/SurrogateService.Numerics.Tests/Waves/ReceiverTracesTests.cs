using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class ReceiverTracesTests
{
    private static AcousticWaveSettings Settings(int threads, int every, params (double X, double Y)[] receivers) => new()
    {
        Nx = 61, Ny = 47, Lx = 30, Ly = 23, Steps = 120, PulseCentre = (11, 9), PulseWidth = 1.7,
        Threads = threads, TraceEvery = every, Receivers = receivers,
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    public void A_receiver_on_a_grid_point_records_that_point_at_every_sampled_step(int threads, int every)
    {
        // Grid points: x = i·0.5, y = j·0.5. Receivers at (i, j) = (10, 6), (40, 30), (60, 46) (a corner).
        var settings = Settings(threads, every, (5, 3), (20, 15), (30, 23));
        using var wave = new AcousticWave2D(settings);
        var expected = new List<double[]>();
        for (int step = every; step <= settings.Steps; step += every)
        {
            wave.Advance(every);
            var p = wave.Pressure;
            expected.Add([p[6 * 61 + 10], p[30 * 61 + 40], p[46 * 61 + 60]]);
        }
        var traces = wave.Traces!;
        Assert.Equal(settings.Steps / every, traces.Length);
        Assert.Equal(traces.Length, traces.Recorded);
        for (int r = 0; r < 3; r++)
            Assert.Equal(expected.Select(e => e[r]), traces.Trace(r).ToArray());
    }

    [Fact]
    public void Traces_are_the_same_bits_whatever_the_thread_count()
    {
        double[] Run(int threads)
        {
            using var wave = new AcousticWave2D(Settings(threads, 2, (7.3, 4.1), (22.9, 17.7)));
            wave.Advance(120);
            return [.. wave.Traces!.Trace(0), .. wave.Traces.Trace(1)];
        }
        Assert.Equal(Run(1), Run(3));
    }

    [Fact]
    public void A_receiver_between_grid_points_reads_the_bilinear_interpolation()
    {
        // (7.3, 4.1) lies in the cell i = 14, j = 8 with weights 0.6 along x and 0.2 along y.
        var settings = Settings(1, 40, (7.3, 4.1));
        using var wave = new AcousticWave2D(settings);
        var expected = new List<double>();
        for (int s = 0; s < 3; s++)
        {
            wave.Advance(40);
            var p = wave.Pressure;
            double below = 0.4 * p[8 * 61 + 14] + 0.6 * p[8 * 61 + 15];
            double above = 0.4 * p[9 * 61 + 14] + 0.6 * p[9 * 61 + 15];
            expected.Add(0.8 * below + 0.2 * above);
        }
        var trace = wave.Traces!.Trace(0).ToArray();
        for (int s = 0; s < 3; s++)
            Assert.Equal(expected[s], trace[s], 1e-14);
    }

    [Fact]
    public void Snapshots_and_traces_run_together_and_no_receivers_means_no_traces()
    {
        using var plain = new AcousticWave2D(Settings(1, 1) with { SnapshotEvery = 30 });
        Assert.Null(plain.Traces);
        using var wave = new AcousticWave2D(Settings(1, 5, (10, 10)) with { SnapshotEvery = 30 });
        Assert.Equal(4, wave.Snapshots().Count());
        Assert.Equal(24, wave.Traces!.Recorded);
    }

    [Fact]
    public void Settings_refuse_receivers_outside_the_domain_and_a_trace_interval_beyond_the_run()
    {
        Assert.Equal("Receivers", Assert.ThrowsAny<ArgumentException>(() => Settings(1, 1, (31, 2)).Validate()).ParamName);
        Assert.Equal("TraceEvery", Assert.ThrowsAny<ArgumentException>(() => Settings(1, 121, (3, 2)).Validate()).ParamName);
        Assert.Equal("TraceEvery", Assert.ThrowsAny<ArgumentException>(() => Settings(1, 0, (3, 2)).Validate()).ParamName);
    }
}
