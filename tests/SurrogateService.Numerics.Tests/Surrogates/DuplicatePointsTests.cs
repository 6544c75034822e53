using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class DuplicatePointsTests
{
    [Fact]
    public void Finds_every_repeat_against_its_first_occurrence()
    {
        // Points 0, 2 and 4 coincide; 3 repeats 1.
        var points = new PointSet([0.0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 5, 5], 6, 2);
        Assert.Equal([(0, 2), (1, 3), (0, 4)], DuplicatePoints.Find(points));
        Assert.Empty(DuplicatePoints.Find(new PointSet([0.0, 1, 1, 0], 2, 2)));
    }

    [Fact]
    public void The_error_names_the_pairs_and_the_consequence()
    {
        var points = new PointSet([1.0, 2, 1, 1, 1, 1, 1, 1], 8, 1);
        var error = Assert.Throws<SurrogateFitException>(() => DuplicatePoints.ThrowIfAny(points, "the system would be singular"));
        Assert.Contains("the system would be singular", error.Message, StringComparison.Ordinal);
        Assert.Contains("point 2 repeats 0", error.Message, StringComparison.Ordinal);
        // Six repeats of point 0: five are listed, one is counted.
        Assert.Contains("and 1 more", error.Message, StringComparison.Ordinal);
        DuplicatePoints.ThrowIfAny(new PointSet([1.0, 2], 2, 1), "unused");
    }
}
