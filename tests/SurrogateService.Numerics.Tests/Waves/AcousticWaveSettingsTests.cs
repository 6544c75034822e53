using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class AcousticWaveSettingsTests
{
    [Fact]
    public void Defaults_are_the_miniapp_s()
    {
        var s = new AcousticWaveSettings();

        Assert.Equal(40.0 / 254, s.Dx);
        Assert.Equal(40.0 / 254, s.Dy);
        Assert.Equal(40.0 / 254 / 1.0 / 4.1, s.Dt);
        Assert.Equal((20.0, 20.0), s.EffectivePulseCentre);
        Assert.Equal(100, s.FrameCount);
        Assert.Equal(Environment.ProcessorCount, s.Threads);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.4142135623730951)]
    [InlineData(1.0, 2.0, 1.1180339887498949)]
    [InlineData(0.5, 0.05, 1.0049875621120890)]
    public void Stability_bound_is_min_spacing_times_the_norm_of_inverse_spacings(double dx, double dy, double expected)
    {
        // c·dt·sqrt(1/dx² + 1/dy²) ≤ 1 with dt = min(dx, dy)/c/f.
        Assert.Equal(expected, AcousticWaveSettings.MinimumStableCflFactor(dx, dy), 1e-15);
    }

    [Theory]
    [InlineData("Nx")]
    [InlineData("Ny")]
    [InlineData("Lx")]
    [InlineData("BulkModulus")]
    [InlineData("Density")]
    [InlineData("Steps")]
    [InlineData("SnapshotEvery")]
    [InlineData("CflFactor")]
    [InlineData("PulseCentre")]
    [InlineData("PulseWidth")]
    [InlineData("Threads")]
    public void Validate_names_the_setting_at_fault(string name)
    {
        var good = new AcousticWaveSettings();
        good.Validate();
        var bad = name switch
        {
            "Nx" => good with { Nx = 2 },
            "Ny" => good with { Ny = 2 },
            "Lx" => good with { Lx = 0 },
            "BulkModulus" => good with { BulkModulus = -1 },
            "Density" => good with { Density = double.NaN },
            "Steps" => good with { Steps = 0 },
            "SnapshotEvery" => good with { SnapshotEvery = 1001 },
            "CflFactor" => good with { CflFactor = 1.41 },
            "PulseCentre" => good with { PulseCentre = (20, 40.5) },
            "PulseWidth" => good with { PulseWidth = 0 },
            _ => good with { Threads = 0 },
        };

        var error = Assert.ThrowsAny<ArgumentException>(bad.Validate);
        Assert.Equal(name, error.ParamName);
    }
}
