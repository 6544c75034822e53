using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Surrogates.MixtureOfExperts;

public class MixtureOfExpertsTests
{
    private static readonly ISurrogateKind Kind = SurrogateKinds.Find("mixtureOfExperts")!;
    private static readonly Box UnitSquare = Box.Uniform(2, 0, 1);

    private static bool Above(ReadOnlySpan<double> x) => x[1] > 0.3 + 0.4 * x[0] * x[0];

    /// <summary>A smooth function plus a jump of 2 across the parabola x₂ = 0.3 + 0.4·x₁² (the zoo bench's first case).</summary>
    private static double Jump(ReadOnlySpan<double> x) => Math.Sin(3 * x[0]) + Math.Cos(2 * x[1]) + 0.5 * x[0] * x[1] + (Above(x) ? 2 : 0);

    private static TrainingSet JumpData(int count = 200)
    {
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(count, UnitSquare, new OptionValues(sobol.Options), 2026);
        return new TrainingSet(points, [.. Enumerable.Range(0, count).Select(i => Jump(points[i]))], UnitSquare);
    }

    private static PointSet UniformPoints(int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var points = new PointSet(count, 2);
        for (int i = 0; i < count; i++)
        {
            points[i][0] = random.NextDouble();
            points[i][1] = random.NextDouble();
        }
        return points;
    }

    private static ISurrogateModel Fit(TrainingSet data, Dictionary<string, object>? options = null) =>
        Kind.Fit(data, new OptionValues(Kind.Options, options));

    private static double Rmse(ISurrogateModel model, PointSet test)
    {
        var predicted = new double[test.Count];
        model.Predict(test, predicted);
        return Math.Sqrt(Enumerable.Range(0, test.Count).Average(i => Math.Pow(predicted[i] - Jump(test[i]), 2)));
    }

    [Fact]
    public void On_a_jump_the_mixture_is_more_than_twice_as_accurate_as_a_thin_plate_spline_and_its_intervals_cover()
    {
        var data = JumpData();
        var test = UniformPoints(4000, 7);
        var model = Fit(data);
        var thinPlate = SurrogateKinds.Find("radialBasis")!;
        double single = Rmse(thinPlate.Fit(data, OptionValues.Defaults(thinPlate.Options)), test);

        double mixture = Rmse(model, test);

        Assert.True(mixture < single / 2, $"mixture {mixture}, thin-plate spline {single}");
        var chosen = model.Diagnostics.MixtureOfExperts!;
        Assert.True(chosen.Clusters >= 2, $"{chosen.Clusters} clusters");
        Assert.Equal("5-fold", model.Diagnostics.CrossValidation);
        Assert.Equal(chosen.Clusters, chosen.Experts.Count);
        Assert.Equal(Enumerable.Range(1, 4), chosen.Trials.Select(t => t.Clusters));

        var predicted = new double[test.Count];
        var errors = new double[test.Count];
        model.Predict(test, predicted);
        model.StandardError(test, errors);
        double coverage = Enumerable.Range(0, test.Count).Count(i => Math.Abs(predicted[i] - Jump(test[i])) <= 1.96 * errors[i]) / (double)test.Count;
        Assert.InRange(coverage, 0.90, 1.0);
    }

    [Fact]
    public void Two_clusters_split_the_points_by_the_side_of_the_jump()
    {
        var data = JumpData();
        var model = Fit(data, new() { ["clusters"] = 2, ["heaviside"] = 1.0 });
        var assignment = model.ExportParameters()[MixtureOfExpertsModel.AssignmentParameter];
        for (int k = 0; k < 2; k++)
        {
            var sides = Enumerable.Range(0, data.Count).Where(i => assignment[i] == k).Select(i => Above(data.Points[i])).Distinct();
            Assert.Single(sides);
        }
    }

    [Theory]
    [InlineData("smooth", "softmax")]
    [InlineData("smooth", "gaussian")]
    [InlineData("hard", "softmax")]
    [InlineData("hard", "gaussian")]
    public void A_restored_model_predicts_the_same_bits(string gating, string gatingModel)
    {
        var data = JumpData(80);
        var options = new OptionValues(Kind.Options, new Dictionary<string, object> { ["clusters"] = 2, ["gating"] = gating, ["gatingModel"] = gatingModel, ["heaviside"] = 0.5 });
        var model = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, model.ExportParameters());
        var test = UniformPoints(200, 3);

        double[] expected = new double[200], actual = new double[200], expectedErrors = new double[200], actualErrors = new double[200];
        model.Predict(test, expected);
        restored.Predict(test, actual);
        model.StandardError(test, expectedErrors);
        restored.StandardError(test, actualErrors);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedErrors, actualErrors);
        Assert.Equal(model.ExportParameters().Keys.Order(), restored.ExportParameters().Keys.Order());
    }

    [Fact]
    public void Hard_gating_predicts_one_experts_value_and_smooth_gating_a_blend_between_them()
    {
        var data = JumpData(120);
        var hard = Fit(data, new() { ["clusters"] = 2, ["gating"] = "hard", ["gatingModel"] = "gaussian", ["heaviside"] = 1.0 });
        var smooth = Fit(data, new() { ["clusters"] = 2, ["gating"] = "smooth", ["gatingModel"] = "gaussian", ["heaviside"] = 1.0 });
        // Far from the boundary both gatings pick the same expert; on it the smooth one lies between the two sides.
        var far = PointSet.FromRows([[0.5, 0.95], [0.5, 0.05]]);
        double[] hardValues = new double[2], smoothValues = new double[2];
        hard.Predict(far, hardValues);
        smooth.Predict(far, smoothValues);
        Assert.Equal(Jump(far[0]), hardValues[0], 0.05);
        Assert.Equal(Jump(far[1]), hardValues[1], 0.05);
        Assert.Equal(hardValues[0], smoothValues[0], 0.05);
        Assert.Equal(hardValues[1], smoothValues[1], 0.05);
    }

    [Fact]
    public void More_clusters_than_the_points_can_fill_name_the_clusters_option()
    {
        var ex = Assert.Throws<SurrogateFitException>(() => Fit(JumpData(40), new() { ["clusters"] = 7 }));
        Assert.Equal("options.clusters", ex.Field);
    }

    [Theory]
    [InlineData(MixtureOfExpertsModel.ExpertsParameter, 9.0, "parameters.experts")]
    [InlineData(MixtureOfExpertsModel.AssignmentParameter, 2.5, "parameters.assignment")]
    [InlineData(MixtureOfExpertsModel.HeavisideParameter, -1.0, "parameters.heaviside")]
    [InlineData(MixtureOfExpertsModel.TypicalErrorParameter, -1.0, "parameters.typicalError")]
    [InlineData(GaussianGating.WeightsParameter, 0.0, "parameters.weights")]
    public void A_tampered_document_names_the_parameter(string name, double value, string field)
    {
        var data = JumpData(80);
        var options = new OptionValues(Kind.Options, new Dictionary<string, object> { ["clusters"] = 2, ["gatingModel"] = "gaussian", ["heaviside"] = 1.0 });
        var parameters = new Dictionary<string, double[]>(Fit(data, new() { ["clusters"] = 2, ["gatingModel"] = "gaussian", ["heaviside"] = 1.0 }).ExportParameters());
        var changed = (double[])parameters[name].Clone();
        changed[0] = value;
        parameters[name] = changed;

        var ex = Assert.Throws<SurrogateFitException>(() => Kind.Restore(data, options, parameters));
        Assert.Equal(field, ex.Field);
    }
}
