using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates.MixtureOfExperts;

public class GaussianMixtureTests
{
    [Fact]
    public void Expectation_maximisation_recovers_the_weights_means_and_spreads_of_two_drawn_blobs()
    {
        // 300 draws: a third from N((−1, 0), 0.1²·I), two thirds from N((1, 1), 0.2²·I).
        var random = new DeterministicRandom(11);
        const int n = 300;
        var data = new double[n * 2];
        for (int i = 0; i < n; i++)
        {
            bool first = i % 3 == 0;
            data[2 * i] = (first ? -1 : 1) + (first ? 0.1 : 0.2) * random.NextGaussian();
            data[2 * i + 1] = (first ? 0 : 1) + (first ? 0.1 : 0.2) * random.NextGaussian();
        }

        var mixture = GaussianMixture.Fit(data, n, 2, 2, seed: 3);

        int small = mixture.Means[0] < 0 ? 0 : 1, large = 1 - small;
        Assert.Equal(1.0 / 3, mixture.Weights[small], 0.01);
        Assert.Equal(2.0 / 3, mixture.Weights[large], 0.01);
        Assert.Equal(-1, mixture.Means[2 * small], 0.03);
        Assert.Equal(0, mixture.Means[2 * small + 1], 0.03);
        Assert.Equal(1, mixture.Means[2 * large], 0.05);
        Assert.Equal(1, mixture.Means[2 * large + 1], 0.05);
        // Sample variances of 100 and 200 draws are within about 15 % (2 standard errors) of the truth.
        Assert.InRange(mixture.Covariances[4 * small], 0.01 * 0.8, 0.01 * 1.2);
        Assert.InRange(mixture.Covariances[4 * large + 3], 0.04 * 0.8, 0.04 * 1.2);
        Assert.InRange(Math.Abs(mixture.Covariances[4 * large + 1]), 0, 0.01);
    }

    [Fact]
    public void The_same_seed_gives_the_same_mixture()
    {
        var random = new DeterministicRandom(5);
        var data = Enumerable.Range(0, 240).Select(_ => random.NextDouble()).ToArray();
        var first = GaussianMixture.Fit(data, 80, 3, 3, seed: 9);
        var second = GaussianMixture.Fit(data, 80, 3, 3, seed: 9);
        Assert.Equal(first.Means, second.Means);
        Assert.Equal(first.Covariances, second.Covariances);
    }
}
