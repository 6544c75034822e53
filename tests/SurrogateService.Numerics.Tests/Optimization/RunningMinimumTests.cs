using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Numerics.Tests.Optimization;

public class RunningMinimumTests
{
    [Fact]
    public void Keeps_the_smallest_value_seen_so_far()
    {
        Assert.Equal([3, 3, 1, 1, 0.5], RunningMinimum.Of([3, 5, 1, 2, 0.5]));
    }

    [Fact]
    public void Empty_input_gives_an_empty_curve() => Assert.Empty(RunningMinimum.Of([]));
}
