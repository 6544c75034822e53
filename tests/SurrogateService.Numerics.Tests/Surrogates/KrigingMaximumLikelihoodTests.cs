using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class KrigingMaximumLikelihoodTests
{
    [Theory]
    [InlineData(30, 1u)]
    [InlineData(50, 2u)]
    [InlineData(80, 3u)]
    public void Fitted_theta_beats_the_heuristic_on_Branin(int n, ulong seed)
    {
        var data = BraninSample(n, seed);
        var fitted = Kind.Fit(data, KrigingOptions(("seed", 11)));
        var heuristic = Kind.Fit(data, KrigingOptions(("theta", "heuristic")));

        Assert.True(fitted.Diagnostics.LogLikelihood >= heuristic.Diagnostics.LogLikelihood);
        var grid = BraninGrid();
        double fittedRmse = Rmse(fitted, grid, x => Branin(x));
        double heuristicRmse = Rmse(heuristic, grid, x => Branin(x));
        Assert.True(fittedRmse < heuristicRmse, $"fitted {fittedRmse}, heuristic {heuristicRmse}");
    }

    [Fact]
    public void Same_seed_gives_the_same_theta()
    {
        var data = BraninSample(40, seed: 5);
        var first = Kind.Fit(data, KrigingOptions(("seed", 3), ("fitP", true)));
        var second = Kind.Fit(data, KrigingOptions(("seed", 3), ("fitP", true)));
        Assert.Equal(first.ExportParameters()["theta"], second.ExportParameters()["theta"]);
        Assert.Equal(first.ExportParameters()["p"], second.ExportParameters()["p"]);
    }

    [Fact]
    public void Fitting_p_keeps_it_in_range_and_does_not_lower_the_likelihood()
    {
        var data = BraninSample(40, seed: 6);
        var fixedP = Kind.Fit(data, KrigingOptions(("p", 1.5)));
        var fittedP = Kind.Fit(data, KrigingOptions(("p", 1.5), ("fitP", true)));
        Assert.All(fittedP.ExportParameters()["p"], p => Assert.InRange(p, 1, 2));
        Assert.True(fittedP.Diagnostics.LogLikelihood >= fixedP.Diagnostics.LogLikelihood - 1e-6);
    }

    [Fact]
    public void Recovers_a_smooth_function_in_one_dimension()
    {
        static double F(double[] x) => Math.Sin(x[0]) + 0.3 * x[0];
        var box = Box.Uniform(1, 0, 2 * Math.PI);
        var points = new PointSet(Enumerable.Range(0, 10).Select(i => 2 * Math.PI * (i + 0.5) / 10).ToArray(), 10, 1);
        var data = new TrainingSet(points, Enumerable.Range(0, 10).Select(i => F([points[i][0]])).ToArray(), box);
        var model = Kind.Fit(data, KrigingOptions());
        var grid = new PointSet(Enumerable.Range(0, 201).Select(i => 2 * Math.PI * i / 200).ToArray(), 201, 1);
        var predicted = Predict(model, grid);
        for (int k = 0; k < grid.Count; k++)
            Assert.Equal(F([grid[k][0]]), predicted[k], 2e-3);
    }

    [Fact]
    public void A_dimension_the_data_ignore_pushes_theta_to_its_bound_with_a_warning()
    {
        var data = Sample(20, Box.Uniform(2, 0, 3), seed: 8, x => Math.Sin(2 * x[0]));
        var model = Kind.Fit(data, KrigingOptions());
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("dimension 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Observes_cancellation()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => Kind.Fit(BraninSample(20, 1), KrigingOptions(), source.Token));
    }
}
