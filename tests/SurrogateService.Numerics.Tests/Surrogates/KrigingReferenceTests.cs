using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>The Kriging reference values of NUMERICS.md: x = [1, 2, 3], y = [4, 5, 6], box [0, 10], heuristic θ.</summary>
public class KrigingReferenceTests
{
    private static readonly KrigingKind Kind = new();

    [Theory]
    [InlineData(1.3, 0.941564083259491, 4.452670670242171, 0.39934072187532016, 5.681169004344216, 0.8393796209110658)]
    [InlineData(2.0, 0.7710117618331105, 4.354843068751124, 0.11798852274130316, 5.688615658336532, 0.6902011318163879)]
    public void Matches_the_reference_values(double p, double sigma2, double y15, double s15, double y40, double s40)
    {
        var model = FitReference(p);

        var parameters = model.ExportParameters();
        Assert.Equal(0.5, parameters["theta"][0], 1e-15);
        Assert.Equal(0.0, parameters["nugget"][0]);
        AssertRelative(5.0, parameters["mu"][0]);
        AssertRelative(sigma2, parameters["sigma2"][0]);

        var (values, errors) = PredictAt(model, 1.5, 4.0, 1.0);
        AssertRelative(y15, values[0]);
        AssertRelative(s15, errors[0]);
        AssertRelative(y40, values[1]);
        AssertRelative(s40, errors[1]);
        AssertRelative(4.0, values[2]);
        Assert.InRange(errors[2], 0, 1e-6);
    }

    [Fact]
    public void Heuristic_theta_is_half_over_std_to_the_p_on_the_reference_data()
    {
        // std of [1, 2, 3] with n − 1 is exactly 1, so θ = 0.5 whatever p is.
        var data = ReferenceData();
        Assert.Equal(0.5, KrigingKind.HeuristicTheta(data, [1.3])[0], 1e-15);
        Assert.Equal(0.5, KrigingKind.HeuristicTheta(data, [2.0])[0], 1e-15);
    }

    internal static TrainingSet ReferenceData() =>
        new(new PointSet([1.0, 2.0, 3.0], 3, 1), [4.0, 5.0, 6.0], new Box([0.0], [10.0]));

    private static ISurrogateModel FitReference(double p)
    {
        var options = new OptionValues(Kind.Options, new Dictionary<string, object> { ["p"] = p, ["theta"] = "heuristic" });
        return Kind.Fit(ReferenceData(), options);
    }

    private static (double[] Values, double[] Errors) PredictAt(ISurrogateModel model, params double[] xs)
    {
        var points = new PointSet(xs, xs.Length, 1);
        var values = new double[xs.Length];
        var errors = new double[xs.Length];
        model.Predict(points, values);
        model.StandardError(points, errors);
        return (values, errors);
    }

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
