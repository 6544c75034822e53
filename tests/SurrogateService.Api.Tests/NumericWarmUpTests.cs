using SurrogateService.Api.Hosting;

namespace SurrogateService.Api.Tests;

public class NumericWarmUpTests
{
    [Fact]
    public void The_warm_up_honours_its_bound()
    {
        // The bound is a cancellation the numeric work observes: a cancelled one stops it instead of delaying the start.
        Assert.ThrowsAny<OperationCanceledException>(() => NumericWarmUp.Exercise(new CancellationToken(canceled: true)));
    }
}
