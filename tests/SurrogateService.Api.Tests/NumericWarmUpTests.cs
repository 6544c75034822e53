using SurrogateService.Api.Hosting;

namespace SurrogateService.Api.Tests;

public class NumericWarmUpTests
{
    [Fact]
    public void The_warm_up_honours_its_bound()
    {
        // The bound is a cancellation the numeric work observes: a cancelled one stops it instead of delaying the start.
        Assert.ThrowsAny<OperationCanceledException>(() => NumericWarmUp.Exercise(ContractJson.Strict, new LimitsOptions(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_warm_ups_own_fit_request_passes_the_routes_validation()
    {
        // A refused request is only logged at start-up (the service starts without the warm-up), so check it here:
        // the request is read with the contract's strict rules and the default limits, fitted, and its answer written.
        NumericWarmUp.Exercise(ContractJson.Strict, new LimitsOptions(), CancellationToken.None);
    }
}
