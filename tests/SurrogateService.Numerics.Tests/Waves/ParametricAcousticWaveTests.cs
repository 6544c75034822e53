using SurrogateService.Numerics.Models;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class ParametricAcousticWaveTests
{
    private static readonly ParametricWaveConfiguration Small = new()
    {
        Nx = 41, Ny = 31, Lx = 20, Ly = 15, Steps = 90, TraceEvery = 3, Receivers = [(5, 5), (15, 10)], Threads = 1,
    };

    [Fact]
    public void Sizes_follow_the_configuration()
    {
        var model = new ParametricAcousticWave(Small);
        Assert.Equal([5], model.InputSizes);
        Assert.Equal([30, 30], model.OutputSizes);
        Assert.False(model.HasJacobian);
        Assert.Equal([1000, 1000, 1000, 1000], new ParametricAcousticWave(new ParametricWaveConfiguration()).OutputSizes);
    }

    [Fact]
    public void Outputs_are_the_traces_of_the_run_with_those_inputs()
    {
        var outputs = new ParametricAcousticWave(Small).Evaluate([[2.0, 0.5, 8.0, 6.0, 1.3]], CancellationToken.None);
        using var wave = new AcousticWave2D(Small.Settings(2.0, 0.5, 8.0, 6.0, 1.3));
        wave.Advance(90);
        Assert.Equal(wave.Traces!.Trace(0).ToArray(), outputs[0]);
        Assert.Equal(wave.Traces.Trace(1).ToArray(), outputs[1]);
    }

    [Fact]
    public void Stiffer_medium_brings_the_wave_to_the_receiver_sooner()
    {
        // c = sqrt(k/ρ): with k four times larger the pulse travels twice as fast, so the first
        // sample above half the peak comes earlier in simulated time.
        var model = new ParametricAcousticWave(Small with { Receivers = [(15, 7.5)] });
        double Arrival(double k)
        {
            var trace = model.Evaluate([[k, 1, 5, 7.5, 1]], CancellationToken.None)[0];
            double dt = Small.Settings(k, 1, 5, 7.5, 1).Dt;
            double half = trace.Max() / 2;
            return (Array.FindIndex(trace, v => v >= half) + 1) * Small.TraceEvery * dt;
        }
        double slow = Arrival(1), fast = Arrival(4);
        Assert.InRange(fast / slow, 0.4, 0.6);
    }

    [Theory]
    [InlineData(0.0, 1.0, 8.0, 6.0, 1.0, "bulkModulus")]
    [InlineData(1.0, -1.0, 8.0, 6.0, 1.0, "density")]
    [InlineData(1.0, 1.0, 21.0, 6.0, 1.0, "source")]
    [InlineData(1.0, 1.0, 8.0, 6.0, 0.0, "pulseWidth")]
    public void Invalid_inputs_name_the_entry(double k, double rho, double x, double y, double width, string named)
    {
        var ex = Assert.Throws<ModelInputException>(() => new ParametricAcousticWave(Small).Evaluate([[k, rho, x, y, width]], CancellationToken.None));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_sizes_and_non_finite_inputs_are_refused_before_any_work()
    {
        var model = new ParametricAcousticWave(Small);
        Assert.Contains("length 4", Assert.Throws<ModelInputException>(() => model.Evaluate([[1.0, 1, 1, 1]], CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("got 2", Assert.Throws<ModelInputException>(() => model.Evaluate([[1.0, 1, 1, 1, 1], [1.0]], CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("finite", Assert.Throws<ModelInputException>(() => model.Evaluate([[1.0, double.NaN, 1, 1, 1]], CancellationToken.None)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new ParametricAcousticWave(Small).Evaluate([[1.0, 1, 8, 6, 1]], cancelled.Token));
    }

    [Fact]
    public void A_configuration_without_receivers_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ParametricAcousticWave(Small with { Receivers = [] }));
    }
}
