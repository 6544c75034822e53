using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// Co-Kriging on Xiong, Qian &amp; Wu's (2013) two-dimensional Currin pair at equal cost: a low-fidelity
/// run costs a tenth of a high-fidelity one, so 10 high- and 100 low-fidelity points cost as much as 20
/// high-fidelity points. Designs are nested prefixes of one scrambled Sobol' sequence (fixed seed).
/// </summary>
public class CoKrigingCurrinTests
{
    private static readonly Box Unit = Box.Uniform(2, 0, 1);
    private static readonly CurrinHigh High = new();
    private static readonly CurrinLow Low = new();

    private static PointSet Sobol(int count)
    {
        var sobol = new SobolSampling();
        var options = new OptionValues(sobol.Options, new Dictionary<string, object> { ["sequence"] = "plain", ["scramble"] = true });
        return sobol.Sample(count, Unit, options, seed: 11);
    }

    private static TrainingSet Evaluate(PointSet points, IBenchmarkFunction function, TrainingSet? low = null)
    {
        var values = new double[points.Count];
        function.EvaluateBatch(points, values);
        return new TrainingSet(points, values, Unit, lowFidelity: low);
    }

    private static PointSet Prefix(PointSet points, int count) => new(points.Data[..(count * 2)].ToArray(), count, 2);

    [Theory]
    [InlineData(20, 10)]
    [InlineData(30, 20)]
    public void At_equal_cost_co_kriging_beats_kriging_on_the_high_fidelity_points_alone(int budget, int highPoints)
    {
        int lowPoints = 10 * (budget - highPoints);
        var design = Sobol(Math.Max(budget, lowPoints));
        var coKriging = Kind.Fit(Evaluate(Prefix(design, highPoints), High, Evaluate(Prefix(design, lowPoints), Low)), KrigingOptions());
        var highOnly = Kind.Fit(Evaluate(Prefix(design, budget), High), KrigingOptions());

        var test = Grid(41);
        double coError = Rmse(coKriging, test, x => High.Evaluate(x));
        double highError = Rmse(highOnly, test, x => High.Evaluate(x));
        // Measured 0.37 against 0.75 (20) and 0.060 against 0.65 (30): clearly better, not by a hair.
        Assert.True(coError < 0.75 * highError, $"co-Kriging {coError}, high-fidelity Kriging {highError}");
    }

    [Fact]
    public void Auto_tries_co_kriging_beside_the_high_fidelity_candidates_and_keeps_it_when_its_error_is_lowest()
    {
        var design = Sobol(100);
        var data = Evaluate(Prefix(design, 20), High, Evaluate(design, Low));
        var fitted = AutoSurrogate.Select(data);

        var coKriging = Assert.Single(fitted.Candidates!, c => c.UsesLowFidelity);
        Assert.Equal("kriging", coKriging.Kind);
        Assert.Null(coKriging.Error);
        var others = fitted.Candidates!.Where(c => !c.UsesLowFidelity).ToList();
        Assert.Contains(others, c => c.Kind == "kriging");
        Assert.Contains(others, c => c.Kind == "polynomialChaos");
        // The high-fidelity candidates saw the values alone; the winner has the lowest leave-one-out error.
        double lowest = fitted.Candidates!.Where(c => c.LeaveOneOutRmse is not null).Min(c => c.LeaveOneOutRmse!.Value);
        Assert.Equal(lowest, coKriging.LeaveOneOutRmse);
        var model = Assert.IsType<CoKrigingModel>(fitted.Model);
        Assert.Same(data.LowFidelity, model.Data.LowFidelity);

        // And its choice is right: on a grid it beats the best candidate fitted to the values alone.
        var highOnly = AutoSurrogate.Select(new TrainingSet(data.Points, data.Values, Unit));
        Assert.DoesNotContain(highOnly.Candidates!, c => c.UsesLowFidelity);
        Assert.Null(highOnly.Model.Data.LowFidelity);
        var test = Grid(41);
        Assert.True(Rmse(model, test, x => High.Evaluate(x)) < Rmse(highOnly.Model, test, x => High.Evaluate(x)));
    }

    [Fact]
    public void With_gradients_too_auto_fits_kriging_gradient_enhanced_and_co_kriging_without_them()
    {
        var design = Sobol(60);
        var high = Evaluate(Prefix(design, 12), High);
        // Central differences of currinHigh stand in for an adjoint's gradients (accurate to ~1e-8 here).
        var gradients = Enumerable.Range(0, high.Count).Select(i => Enumerable.Range(0, 2).Select(l =>
        {
            double[] plus = high.Points[i].ToArray(), minus = high.Points[i].ToArray();
            plus[l] += 1e-6;
            minus[l] -= 1e-6;
            return (High.Evaluate(plus) - High.Evaluate(minus)) / 2e-6;
        }).ToArray()).ToArray<double[]?>();
        var data = new TrainingSet(high.Points, high.Values, Unit, lowFidelity: Evaluate(design, Low), gradients: gradients);

        var fitted = AutoSurrogate.Select(data);
        var coKriging = Assert.Single(fitted.Candidates!, c => c.UsesLowFidelity);
        Assert.Null(coKriging.Error);
        Assert.Null(Assert.Single(fitted.Candidates!, c => c.Kind == "kriging" && !c.UsesLowFidelity).Error);
        // Whichever wins was fitted to what its row says: co-Kriging without gradients, Kriging with them.
        Assert.Equal(fitted.Model is CoKrigingModel, fitted.Model.Data.LowFidelity is not null);
        if (fitted.Model.Data.LowFidelity is not null)
            Assert.Null(fitted.Model.Data.Gradients);
        else if (fitted.Kind.Name == "kriging")
            Assert.NotNull(fitted.Model.Data.Gradients);
    }

    [Fact]
    public void The_co_kriging_gradient_matches_central_differences_of_its_predictions()
    {
        var design = Sobol(60);
        var model = (IDifferentiableModel)Kind.Fit(Evaluate(Prefix(design, 12), High, Evaluate(design, Low)), KrigingOptions());
        var queries = PointSet.FromRows([[0.3, 0.4], [0.75, 0.2], [0.55, 0.85]]);
        var gradients = new double[6];
        model.Gradient(queries, gradients);
        const double h = 1e-5;
        for (int p = 0; p < queries.Count; p++)
        {
            for (int l = 0; l < 2; l++)
            {
                double[] plus = queries[p].ToArray(), minus = queries[p].ToArray();
                plus[l] += h;
                minus[l] -= h;
                double difference = (Predict((ISurrogateModel)model, PointSet.FromRows([plus]))[0] - Predict((ISurrogateModel)model, PointSet.FromRows([minus]))[0]) / (2 * h);
                Assert.True(Math.Abs(gradients[p * 2 + l] - difference) <= 1e-5 * Math.Max(1, Math.Abs(difference)),
                    $"point {p}, coordinate {l}: analytic {gradients[p * 2 + l]}, finite difference {difference}");
            }
        }
    }

    private static PointSet Grid(int side)
    {
        var grid = new PointSet(side * side, 2);
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
                (grid[i * side + j][0], grid[i * side + j][1]) = (i / (side - 1.0), j / (side - 1.0));
        }
        return grid;
    }
}
