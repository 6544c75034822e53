using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates.NearestNeighbour;

public class ScaledKdTreeTests
{
    private static double[] RandomPoints(int n, int d, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var coordinates = new double[n * d];
        for (int k = 0; k < coordinates.Length; k++)
            coordinates[k] = random.NextDouble() * (1 + k % d);
        return coordinates;
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(777, 3)]
    [InlineData(500, 8)]
    public void The_order_is_a_permutation_and_every_search_agrees_with_brute_force(int n, int d)
    {
        var coordinates = RandomPoints(n, d, seed: (ulong)(n + d));
        var tree = new ScaledKdTree(coordinates, d);
        Assert.Equal(Enumerable.Range(0, n), tree.Order.Order());
        const int m = 7;
        var found = new int[m];
        var distances = new double[m];
        var random = new DeterministicRandom(9);
        for (int trial = 0; trial < 60; trial++)
        {
            // Predecessors of a point in the order (the Vecchia search), or all points from anywhere (prediction).
            bool predecessors = trial % 2 == 0;
            int rank = random.NextInt(n);
            double[] query = predecessors ? tree.Point(tree.Order[rank]).ToArray() : Enumerable.Range(0, d).Select(l => random.NextDouble() * (1 + l)).ToArray();
            int limit = predecessors ? rank : n;
            int count = tree.Nearest(query, limit, found, distances);
            var expected = Enumerable.Range(0, n).Where(i => tree.RankOf(i) < limit)
                .Select(i => (Index: i, Distance: SquaredDistance(query, coordinates.AsSpan(i * d, d))))
                .OrderBy(c => c.Distance).ThenBy(c => c.Index).Take(m).ToArray();
            Assert.Equal(expected.Length, count);
            Assert.Equal(expected.Select(e => e.Index), found.Take(count));
        }
    }

    [Fact]
    public void The_order_starts_coarse_the_first_points_spread_over_the_square()
    {
        // 4096 points on the unit square: the first 16 of the order must leave no quarter of the square empty
        // and keep a minimum distance far above that of 16 random points (about 0.03 expected here).
        const int n = 4096;
        var coordinates = RandomPoints(n, 1, seed: 4).Zip(RandomPoints(n, 1, seed: 5)).SelectMany(p => new[] { p.First, p.Second }).ToArray();
        var tree = new ScaledKdTree(coordinates, 2);
        var first = tree.Order.Take(16).Select(i => tree.Point(i).ToArray()).ToArray();
        double closest = double.PositiveInfinity;
        for (int a = 0; a < first.Length; a++)
        {
            for (int b = 0; b < a; b++)
                closest = Math.Min(closest, Math.Sqrt(SquaredDistance(first[a], first[b])));
        }
        Assert.True(closest > 0.08, $"closest pair of the first 16 is {closest}");
        foreach (var (x, y) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
            Assert.Contains(first, point => (int)(point[0] * 2) == x && (int)(point[1] * 2) == y);
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int l = 0; l < a.Length; l++)
            sum += (a[l] - b[l]) * (a[l] - b[l]);
        return sum;
    }
}
