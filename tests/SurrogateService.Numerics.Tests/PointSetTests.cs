using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Tests;

public class PointSetTests
{
    [Fact]
    public void A_slice_is_a_view_of_the_chosen_points()
    {
        var set = new PointSet([0.0, 1, 2, 3, 4, 5, 6, 7], 4, 2);
        var slice = set.Slice(1, 2);
        Assert.Equal(2, slice.Count);
        Assert.Equal([2.0, 3], slice[0].ToArray());
        Assert.Equal([2.0, 3, 4, 5], slice.Data.ToArray());
        Assert.Equal([[2.0, 3], [4.0, 5]], slice.ToRows());
        slice[1][0] = 40;
        Assert.Equal(40, set[2][0]);
        // A slice of a slice counts from its own start.
        Assert.Equal([40.0, 5], slice.Slice(1, 1)[0].ToArray());
    }

    [Fact]
    public void Slices_and_indices_stay_inside_their_set()
    {
        var set = new PointSet(4, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Slice(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Slice(-1, 1));
        var slice = set.Slice(1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => slice[2].ToArray());
        Assert.Empty(set.Slice(4, 0).Data.ToArray());
    }
}
