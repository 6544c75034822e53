using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class ErrorMetricsTests
{
    [Fact]
    public void Root_mean_square_error_by_hand()
    {
        // Differences 0, −2, 3: √((0 + 4 + 9) / 3).
        Assert.Equal(Math.Sqrt(13.0 / 3), ErrorMetrics.RootMeanSquareError([1, 2, 3], [1, 4, 0]), 15);
        Assert.Equal(0, ErrorMetrics.RootMeanSquareError([5, -1], [5, -1]));
    }

    [Fact]
    public void Absolute_errors_are_pointwise_distances()
    {
        Assert.Equal([0, 2, 3], ErrorMetrics.AbsoluteErrors([1, 2, 3], [1, 4, 0]));
    }

    [Fact]
    public void Mismatched_or_empty_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ErrorMetrics.RootMeanSquareError([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => ErrorMetrics.AbsoluteErrors([1], [1, 2]));
        Assert.Throws<ArgumentException>(() => ErrorMetrics.RootMeanSquareError([], []));
    }
}
