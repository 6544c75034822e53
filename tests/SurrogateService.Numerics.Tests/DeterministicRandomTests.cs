using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Tests;

public class DeterministicRandomTests
{
    [Fact]
    public void Same_seed_gives_same_sequence_and_different_seeds_differ()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        var c = new DeterministicRandom(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextDouble()).ToArray();
        var sb = Enumerable.Range(0, 100).Select(_ => b.NextDouble()).ToArray();
        var sc = Enumerable.Range(0, 100).Select(_ => c.NextDouble()).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
    }

    [Fact]
    public void Uniform_doubles_have_the_moments_of_u01()
    {
        var random = new DeterministicRandom(7);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            Assert.InRange(u, 0.0, 1.0);
            sum += u;
            sumSquares += u * u;
        }
        double mean = sum / n;
        Assert.Equal(0.5, mean, 0.005);
        Assert.Equal(1.0 / 12, sumSquares / n - mean * mean, 0.002);
    }

    [Fact]
    public void Gaussian_deviates_have_zero_mean_and_unit_variance()
    {
        var random = new DeterministicRandom(11);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double z = random.NextGaussian();
            sum += z;
            sumSquares += z * z;
        }
        Assert.Equal(0, sum / n, 0.01);
        Assert.Equal(1, sumSquares / n, 0.02);
    }

    [Fact]
    public void NextInt_covers_the_range_evenly()
    {
        var random = new DeterministicRandom(3);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++)
            counts[random.NextInt(7)]++;
        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
    }
}
