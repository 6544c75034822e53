using SurrogateService.Numerics.Sampling;
using static SurrogateService.Numerics.Tests.Sampling.SamplingTestHelpers;

namespace SurrogateService.Numerics.Tests.Sampling;

public class KroneckerSamplingTests
{
    private static readonly KroneckerSampling Kronecker = new();

    [Fact]
    public void Points_are_multiples_of_the_fractional_square_roots_of_the_primes()
    {
        var points = SampleUnit(Kronecker, 2, 3);
        // frac(√2), frac(√3), frac(√5) and their doubles modulo 1.
        double[][] expected = [[0.41421356237309515, 0.7320508075688772, 0.2360679774997898], [0.8284271247461903, 0.4641016151377544, 0.4721359549995796]];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
                Assert.Equal(expected[i][j], points[i][j], 1e-14);
        }
    }

    [Fact]
    public void Without_shift_the_seed_does_not_matter()
    {
        Assert.Equal(SampleUnit(Kronecker, 10, 2, seed: 1).ToRows(), SampleUnit(Kronecker, 10, 2, seed: 2).ToRows());
    }

    [Fact]
    public void A_shift_is_seeded_and_keeps_the_step_between_points()
    {
        (string, object) shift = ("shift", true);
        var a = SampleUnit(Kronecker, 10, 2, seed: 1, shift);
        Assert.Equal(a.ToRows(), SampleUnit(Kronecker, 10, 2, seed: 1, shift).ToRows());
        Assert.NotEqual(a.ToRows(), SampleUnit(Kronecker, 10, 2, seed: 2, shift).ToRows());
        Assert.NotEqual(a.ToRows(), SampleUnit(Kronecker, 10, 2).ToRows());
        for (int i = 1; i < 10; i++)
        {
            double step = a[i][0] - a[i - 1][0];
            Assert.Equal(0.41421356237309515, step - Math.Floor(step), 1e-12);
        }
    }
}
