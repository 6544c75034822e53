using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Tests.Optimization;

public class AugmentedChebyshevTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Weights_lie_on_the_simplex_lattice_of_step_one_hundredth(int objectives)
    {
        var random = new DeterministicRandom(8);
        var seen = new HashSet<string>();
        for (int draw = 0; draw < 500; draw++)
        {
            var weights = AugmentedChebyshev.RandomWeights(random, objectives);
            Assert.Equal(objectives, weights.Length);
            Assert.Equal(1, weights.Sum(), 12);
            Assert.All(weights, w => Assert.InRange(w, 0, 1));
            Assert.All(weights, w => Assert.Equal(Math.Round(w * 100), w * 100, 9));
            seen.Add(string.Join(',', weights));
        }
        // 101 lattice points in two objectives, thousands in more: 500 draws spread over many of them.
        Assert.True(seen.Count > (objectives == 2 ? 90 : 300), $"only {seen.Count} distinct weight vectors");
    }

    [Fact]
    public void The_scalarisation_normalises_by_the_front_and_adds_the_weighted_sum()
    {
        // Front ideal (1, 10), nadir (3, 30): f = (2, 30) normalises to (0.5, 1).
        var chebyshev = new AugmentedChebyshev([0.25, 0.75], [[1, 30], [3, 10], [2, 20]]);
        // max(0.125, 0.75) + 0.05·(0.125 + 0.75) = 0.79375.
        Assert.Equal(0.79375, chebyshev.Value([2, 30]), 12);
        // Beyond the nadir the normalised values exceed 1 and keep growing.
        Assert.True(chebyshev.Value([5, 50]) > chebyshev.Value([3, 30]));
    }
}
