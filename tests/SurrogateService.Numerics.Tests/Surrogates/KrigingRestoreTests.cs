using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class KrigingRestoreTests
{
    [Theory]
    [InlineData("fit")]
    [InlineData("heuristic")]
    public void Restored_model_predicts_identically(string theta)
    {
        var data = BraninSample(30, seed: 7);
        var options = KrigingOptions(("theta", theta), ("p", 1.9));
        var fitted = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, fitted.ExportParameters());
        var grid = BraninGrid();
        Assert.Equal(Predict(fitted, grid), Predict(restored, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(restored, grid));
        Assert.Equal(fitted.ExportParameters()["sigma2"], restored.ExportParameters()["sigma2"]);
        Assert.Equal(fitted.Diagnostics.LogLikelihood, restored.Diagnostics.LogLikelihood);
    }

    [Fact]
    public void Restored_model_keeps_a_rule_nugget()
    {
        // Branin with p = 2 and 80 points needs the nugget rule (cond(R) > 1e8).
        var data = BraninSample(80, seed: 1);
        var fitted = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));
        Assert.True(fitted.Diagnostics.Nugget > 0);
        var restored = Kind.Restore(data, KrigingOptions(), fitted.ExportParameters());
        Assert.Equal(fitted.Diagnostics.Nugget, restored.Diagnostics.Nugget);
        Assert.Equal(Predict(fitted, BraninGrid()), Predict(restored, BraninGrid()));
    }

    public static TheoryData<string, double[], string> BadParameters => new()
    {
        { "theta", [0.5, 0.5], "'theta'" },
        { "theta", [-0.5], "'theta'" },
        { "theta", [double.NaN], "'theta'" },
        { "theta", [0], "'theta'" },
        { "p", [2.5], "'p'" },
        { "p", [0], "'p'" },
        { "nugget", [-1e-3], "'nugget'" },
        { "nugget", [], "'nugget'" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Bad_parameters_are_named(string name, double[] value, string expected)
    {
        var data = KrigingReferenceTests.ReferenceData();
        var parameters = new Dictionary<string, double[]> { ["theta"] = [0.5], ["p"] = [2.0], ["nugget"] = [0.0], [name] = value };
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, KrigingOptions(), parameters));
        Assert.Contains(expected, error.Message);
        Assert.Equal($"parameters.{name}", error.Field);
    }

    [Theory]
    [InlineData("theta")]
    [InlineData("p")]
    [InlineData("nugget")]
    public void Missing_parameters_are_named(string name)
    {
        var parameters = new Dictionary<string, double[]> { ["theta"] = [0.5], ["p"] = [2.0], ["nugget"] = [0.0] };
        parameters.Remove(name);
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(KrigingReferenceTests.ReferenceData(), KrigingOptions(), parameters));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Equal($"parameters.{name}", error.Field);
    }

    [Fact]
    public void A_nugget_too_small_for_the_data_is_refused()
    {
        // Two points 1e-12 apart with a Gaussian correlation: R is singular to working precision without a nugget.
        var data = new TrainingSet(new Core.PointSet([0.0, 1e-12, 1.0], 3, 1), [1.0, 1.0, 2.0], Core.Box.Uniform(1, 0, 1));
        var parameters = new Dictionary<string, double[]> { ["theta"] = [1.0], ["p"] = [2.0], ["nugget"] = [0.0] };
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, KrigingOptions(), parameters));
        Assert.Contains("'nugget'", error.Message);
        Assert.Equal("parameters.nugget", error.Field);
    }
}
