using SurrogateService.Numerics.Waves;

namespace SurrogateService.Numerics.Tests.Waves;

public class WaveFrameTests
{
    [Theory]
    [InlineData(7, 1, 7)]
    [InlineData(7, 2, 4)]
    [InlineData(7, 3, 3)]
    [InlineData(7, 6, 2)]
    [InlineData(7, 7, 1)]
    [InlineData(255, 4, 64)]
    public void Sampled_length_counts_0_s_2s_up_to_the_last_index(int n, int stride, int expected) =>
        Assert.Equal(expected, WaveFrame.SampledLength(n, stride));

    [Fact]
    public void Thinned_copy_takes_every_stride_th_point_of_every_stride_th_row()
    {
        using var wave = new AcousticWave2D(new AcousticWaveSettings { Nx = 7, Ny = 5, Steps = 3, SnapshotEvery = 3, PulseCentre = (10, 15) });
        var frame = wave.Snapshots().Single();
        var p = frame.Pressure.ToArray();

        var thinned = new double[3 * 4];
        frame.CopyTo(thinned, stride: 2);
        var single = new float[4];
        frame.CopyRow(2, 2, single);

        double[] expected = [p[0], p[2], p[4], p[6], p[14], p[16], p[18], p[20], p[28], p[30], p[32], p[34]];
        Assert.Equal(expected, thinned);
        Assert.Equal(expected[8..].Select(v => (float)v), single);
    }
}
