using SurrogateService.Numerics.MultiObjective;

namespace SurrogateService.Numerics.Tests.MultiObjective;

public class HypervolumeTests
{
    [Fact]
    public void One_point_dominates_the_box_between_it_and_the_reference()
    {
        Assert.Equal(2 * 3 * 4, Hypervolume.Of([[1, 2, 3]], [3, 5, 7]), 12);
        Assert.Equal(6, Hypervolume.Of([[1, 2]], [3, 5]), 12);
    }

    [Fact]
    public void Two_points_in_two_objectives_count_their_overlap_once()
    {
        // Boxes [1,4]×[3,4] (3) and [2,4]×[1,4] (6) overlap in [2,4]×[3,4] (2): 3 + 6 − 2.
        Assert.Equal(7, Hypervolume.Of([[1, 3], [2, 1]], [4, 4]), 12);
    }

    [Fact]
    public void Three_objectives_follow_inclusion_exclusion()
    {
        // Boxes to (2,2,2): a = (0,1,1) → 2·1·1 = 2; b = (1,0,1) → 1·2·1 = 2; c = (1,1,0) → 1·1·2 = 2.
        // Pairwise overlaps a∩b = [1,2]×[1,2]×[1,2] = 1, likewise a∩c, b∩c; triple overlap 1.
        // 2 + 2 + 2 − 1 − 1 − 1 + 1 = 4.
        Assert.Equal(4, Hypervolume.Of([[0, 1, 1], [1, 0, 1], [1, 1, 0]], [2, 2, 2]), 12);
    }

    [Fact]
    public void Dominated_duplicate_and_outside_points_add_nothing()
    {
        double alone = Hypervolume.Of([[1, 1, 1, 1]], [2, 3, 2, 2]);
        double withOthers = Hypervolume.Of([[1, 1, 1, 1], [1.5, 1.5, 1.5, 1.5], [1, 1, 1, 1], [0, 0, 0, 5]], [2, 3, 2, 2]);
        Assert.Equal(2, alone, 12);
        Assert.Equal(alone, withOthers, 12);
    }

    [Fact]
    public void Matches_a_monte_carlo_estimate_in_four_objectives()
    {
        var random = new Random(5);
        var points = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray()).ToList();
        double[] reference = [1, 1, 1, 1];
        int hits = 0;
        const int Samples = 200_000;
        for (int s = 0; s < Samples; s++)
        {
            var z = Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray();
            if (points.Exists(p => p.Zip(z).All(t => t.First <= t.Second)))
                hits++;
        }
        double estimate = (double)hits / Samples;
        // Binomial standard error below 0.0012; four of them is a generous tolerance.
        Assert.Equal(estimate, Hypervolume.Of(points, reference), 0.005);
    }

    [Fact]
    public void Non_dominated_indices_drop_dominated_points_and_later_duplicates()
    {
        double[][] values = [[1, 5], [2, 2], [3, 3], [2, 2], [5, 1], [0, 9]];
        Assert.Equal([0, 1, 4, 5], ParetoDominance.NondominatedIndices(values));
    }
}
