using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class KrigingBehaviourTests
{
    private static double Smooth(double[] x) => Math.Sin(x[0]) + Math.Cos(x[1]);

    [Fact]
    public void Is_registered_with_its_options()
    {
        Assert.Same(SurrogateKinds.Find("Kriging")?.GetType(), typeof(KrigingKind));
        Assert.Equal(["kernel", "p", "theta", "noise", "fitP", "seed", "restarts", "approximation", "neighbours", "predictionNeighbours", "trend", "trendDegree", "trendQNorm", "nugget", "thetaPrior", "components", "extraPoints"], Kind.Options.Select(o => o.Name));
        Assert.True(Kind.HasStandardError);
        Assert.Equal(2, Kind.MinimumPoints(3));
    }

    [Fact]
    public void Interpolates_its_training_points_with_zero_standard_error()
    {
        var data = Sample(25, Box.Uniform(2, 0, 3), seed: 4, Smooth);
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));
        Assert.Equal(0, model.Diagnostics.Nugget);
        var predicted = Predict(model, data.Points);
        for (int i = 0; i < data.Count; i++)
            Assert.Equal(data.Values[i], predicted[i], 1e-10);
        Assert.All(StandardErrors(model, data.Points), s => Assert.InRange(s, 0, 1e-6));
    }

    [Fact]
    public void Standard_error_grows_away_from_the_data()
    {
        var data = Sample(25, Box.Uniform(2, 0, 3), seed: 4, Smooth);
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));
        var far = new PointSet([10.0, 10.0], 1, 2);
        // Far from every point r → 0, so s² → σ²·(1 + 1/1ᵀR⁻¹1).
        double sigma2 = model.ExportParameters()["sigma2"][0];
        Assert.True(StandardErrors(model, far)[0] > Math.Sqrt(sigma2));
        Assert.Equal(model.ExportParameters()["mu"][0], Predict(model, far)[0], 1e-9);
    }

    [Fact]
    public void Batches_of_any_size_predict_like_single_points()
    {
        var data = BraninSample(40, seed: 2);
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic"), ("p", 1.9)));
        var batch = Sample(150, BraninBox, seed: 3, _ => 0).Points;
        var values = Predict(model, batch);
        var errors = StandardErrors(model, batch);
        foreach (int k in new[] { 0, 63, 64, 100, 149 })
        {
            var single = new PointSet(batch[k].ToArray(), 1, 2);
            Assert.Equal(values[k], Predict(model, single)[0], 1e-12);
            Assert.Equal(errors[k], StandardErrors(model, single)[0], 1e-12);
        }
    }

    [Fact]
    public void Duplicate_points_are_rejected_by_index()
    {
        var points = new PointSet([0.0, 0.0, 1.0, 1.0, 2.0, 0.5, 1.0, 1.0], 4, 2);
        var data = new TrainingSet(points, [1.0, 2.0, 3.0, 4.0], Box.Uniform(2, 0, 2));
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("theta", "heuristic"))));
        Assert.Contains("point 3 repeats 1", error.Message);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Fits_the_fewest_points_it_accepts_by_maximum_likelihood()
    {
        var data = new TrainingSet(new PointSet([1.0, 4.0], 2, 1), [2.0, -1.0], Box.Uniform(1, 0, 5));
        var model = Kind.Fit(data, KrigingOptions());
        var predicted = Predict(model, data.Points);
        Assert.Equal(2.0, predicted[0], 1e-6);
        Assert.Equal(-1.0, predicted[1], 1e-6);
        Assert.All(model.ExportParameters()["theta"], t => Assert.True(double.IsFinite(t) && t > 0));
    }

    [Fact]
    public void Too_few_points_are_rejected()
    {
        var data = new TrainingSet(new PointSet([1.0], 1, 1), [1.0], Box.Uniform(1, 0, 2));
        Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions()));
    }

    [Fact]
    public void Given_theta_is_used_as_is()
    {
        var data = KrigingReferenceTests.ReferenceData();
        var model = Kind.Fit(data, KrigingOptions(("theta", 0.5), ("p", 2.0)));
        var heuristic = Kind.Fit(data, KrigingOptions(("theta", "heuristic"), ("p", 2.0)));
        Assert.Equal([0.5], model.ExportParameters()["theta"]);
        var at = new PointSet([1.5, 4.0], 2, 1);
        Assert.Equal(Predict(heuristic, at), Predict(model, at));
    }

    [Fact]
    public void FitP_without_fitted_theta_is_refused()
    {
        var data = KrigingReferenceTests.ReferenceData();
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("theta", "heuristic"), ("fitP", true))));
        Assert.Contains("fitP", error.Message);
        Assert.Equal("options.fitP", error.Field);
    }

    [Fact]
    public void A_nugget_option_smooths_instead_of_interpolating()
    {
        var data = Sample(25, Box.Uniform(2, 0, 3), seed: 4, Smooth);
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic"), ("nugget", 0.1)));
        Assert.Equal(0.1, model.Diagnostics.Nugget);
        Assert.Empty(model.Diagnostics.Warnings);
        var predicted = Predict(model, data.Points);
        Assert.Contains(Enumerable.Range(0, data.Count), i => Math.Abs(predicted[i] - data.Values[i]) > 1e-3);
    }

    [Fact]
    public void Leave_one_out_rmse_matches_refitting_without_each_point()
    {
        // Dubrule's closed form against the definition: refit on n − 1 points with θ kept, predict the left-out one.
        var data = Sample(12, Box.Uniform(2, 0, 3), seed: 9, Smooth);
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));
        double theta0 = model.ExportParameters()["theta"][0], theta1 = model.ExportParameters()["theta"][1];
        double sum = 0;
        for (int left = 0; left < data.Count; left++)
        {
            var keep = Enumerable.Range(0, data.Count).Where(i => i != left).ToArray();
            var rest = new TrainingSet(
                PointSet.FromRows(keep.Select(i => data.Points[i].ToArray()).ToArray()),
                keep.Select(i => data.Values[i]).ToArray(),
                data.Box);
            var refit = Kind.Fit(rest, KrigingOptions(("theta", new[] { theta0, theta1 })));
            double error = Predict(refit, new PointSet(data.Points[left].ToArray(), 1, 2))[0] - data.Values[left];
            sum += error * error;
        }
        Assert.Equal(Math.Sqrt(sum / data.Count), model.Diagnostics.LeaveOneOutRmse!.Value, 1e-9);
    }

    [Fact]
    public void Nearly_duplicate_points_get_a_nugget_that_caps_the_condition_number()
    {
        var points = new PointSet([0.0, 0.0, 1.0, 0.5, 2.0, 1.0, 2.0 + 1e-10, 1.0, 3.0, 2.5, 1.5, 2.0], 6, 2);
        var data = new TrainingSet(points, [0.0, 1.0, 2.0, 2.1, 1.0, 0.5], Box.Uniform(2, 0, 3));
        var model = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));

        double nugget = model.Diagnostics.Nugget!.Value;
        Assert.True(nugget > 0);
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("nugget", StringComparison.Ordinal));
        Assert.InRange(model.Diagnostics.ConditionNumber!.Value, 1, 1.01e8);

        // Independently: the eigenvalues of R + νI, with R built from the exported θ and p.
        var theta = model.ExportParameters()["theta"];
        var p = model.ExportParameters()["p"];
        int n = data.Count;
        var r = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double exponent = 0;
                for (int l = 0; l < 2; l++)
                    exponent += theta[l] * Math.Pow(Math.Abs(points[i][l] - points[j][l]), p[l]);
                r[i * n + j] = Math.Exp(-exponent) + (i == j ? nugget : 0);
            }
        }
        var eigenvalues = LinearAlgebra.JacobiEigenvalues.Of(r, n);
        Assert.InRange(eigenvalues[^1] / eigenvalues[0], 1, 1.01e8);
        Assert.True(double.IsFinite(Predict(model, points)[2]));
    }

    [Fact]
    public void Constant_values_fit_a_constant_without_a_likelihood()
    {
        var data = Sample(10, Box.Uniform(2, 0, 1), seed: 1, _ => 3.5);
        var model = Kind.Fit(data, KrigingOptions());
        Assert.Null(model.Diagnostics.LogLikelihood);
        Assert.NotEmpty(model.Diagnostics.Warnings);
        Assert.All(Predict(model, Sample(20, Box.Uniform(2, 0, 1), seed: 2, _ => 0).Points), v => Assert.Equal(3.5, v, 1e-12));
    }
}
