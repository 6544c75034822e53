using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class UniformSamplingTests
{
    private static readonly UniformSampling Uniform = new();

    [Fact]
    public void Points_are_seeded()
    {
        Assert.Equal(SampleUnit(Uniform, 20, 3, seed: 5).ToRows(), SampleUnit(Uniform, 20, 3, seed: 5).ToRows());
        Assert.NotEqual(SampleUnit(Uniform, 20, 3, seed: 5).ToRows(), SampleUnit(Uniform, 20, 3, seed: 6).ToRows());
    }

    [Fact]
    public void Coordinates_have_the_mean_and_variance_of_the_box()
    {
        var points = Sample(Uniform, 20_000, [-2, 10], [2, 11], seed: 1);
        double[] x = Column(points, 0);
        double[] y = Column(points, 1);
        Assert.Equal(0, x.Average(), 0.05);
        Assert.Equal(10.5, y.Average(), 0.01);
        Assert.Equal(16.0 / 12, x.Select(v => v * v).Average(), 0.05);
    }
}
