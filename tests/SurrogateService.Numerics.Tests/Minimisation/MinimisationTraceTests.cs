using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Tests.Minimisation;

public class MinimisationTraceTests
{
    [Fact]
    public void Best_so_far_keeps_the_smallest_value_seen()
    {
        Assert.Equal([3, 3, 1, 1, 0.5], MinimisationTrace.BestSoFar([3, 5, 1, 2, 0.5]));
        Assert.Empty(MinimisationTrace.BestSoFar([]));
    }

    [Fact]
    public void Best_index_is_the_first_evaluation_at_the_minimum()
    {
        Assert.Equal(2, MinimisationTrace.BestIndex([3, 5, 1, 2, 1]));
        Assert.Equal(0, MinimisationTrace.BestIndex([7]));
        Assert.Throws<ArgumentException>(() => MinimisationTrace.BestIndex([]));
    }
}
