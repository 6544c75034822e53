using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>
/// A Kriging fit hands out each finished hyperparameter search; a fit given them back skips the searches and ends with the
/// model of the uninterrupted fit, bit for bit (the resumption of a fit job), and one given other results follows them.
/// </summary>
public class FitPhasesTests
{
    [Theory]
    [InlineData("maximum likelihood")]
    [InlineData("fitted noise")]
    [InlineData("nearest neighbours")]
    public void A_fit_resumed_after_its_search_is_the_uninterrupted_fit_bit_for_bit(string fit)
    {
        var data = BraninSample(40, seed: 5);
        var options = fit switch
        {
            "fitted noise" => KrigingOptions(("noise", "fit")),
            "nearest neighbours" => KrigingOptions(("approximation", "nearestNeighbour"), ("neighbours", 8)),
            _ => KrigingOptions(),
        };
        var uninterrupted = Kind.Fit(data, options);

        IReadOnlyList<KrigingSearchResult> searches = [];
        var first = Kind.Fit(data, options, new FitPhases(null, done => searches = done), CancellationToken.None);
        Assert.Single(searches);

        int searchedAgain = 0;
        var resumed = Kind.Fit(data, options, new FitPhases(searches, _ => searchedAgain++), CancellationToken.None);

        Assert.Equal(0, searchedAgain);
        foreach (var model in new[] { first, resumed })
        {
            Assert.Equal(Parameters(uninterrupted), Parameters(model));
            Assert.Equal(Predict(uninterrupted, BraninGrid()), Predict(model, BraninGrid()));
            Assert.Equal(StandardErrors(uninterrupted, BraninGrid()), StandardErrors(model, BraninGrid()));
            Assert.Equal(uninterrupted.Diagnostics.LeaveOneOutRmse, model.Diagnostics.LeaveOneOutRmse);
        }
    }

    [Fact]
    public void A_resumed_fit_takes_the_stored_search_instead_of_searching()
    {
        var data = BraninSample(30, seed: 2);
        var options = KrigingOptions();
        IReadOnlyList<KrigingSearchResult> searches = [];
        var fitted = Kind.Fit(data, options, new FitPhases(null, done => searches = done), CancellationToken.None);
        var other = searches[0] with { Theta = searches[0].Theta.Select(t => t * 3).ToArray() };

        var resumed = Kind.Fit(data, options, new FitPhases([other], _ => Assert.Fail("searched again")), CancellationToken.None);

        Assert.Equal(other.Theta, resumed.ExportParameters()["theta"]);
        Assert.NotEqual(fitted.ExportParameters()["theta"], resumed.ExportParameters()["theta"]);
    }

    [Fact]
    public void Co_kriging_hands_out_a_search_per_level_and_resumes_after_the_first()
    {
        var unit = new Box([0.0], [1.0]);
        static double High(double x) => (6 * x - 2) * (6 * x - 2) * Math.Sin(12 * x - 4);
        double[] highX = [0, 0.4, 0.6, 1], lowX = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];
        var data = new TrainingSet(Points(highX), [.. highX.Select(High)], unit,
            lowFidelity: new TrainingSet(Points(lowX), [.. lowX.Select(x => 0.5 * High(x) + 10 * (x - 0.5) - 5)], unit));
        var options = KrigingOptions(("kernel", "squaredExponential"));
        var uninterrupted = Kind.Fit(data, options);

        var reported = new List<IReadOnlyList<KrigingSearchResult>>();
        Kind.Fit(data, options, new FitPhases(null, reported.Add), CancellationToken.None);
        Assert.Equal([1, 2], reported.Select(searches => searches.Count));

        var afterLow = new List<IReadOnlyList<KrigingSearchResult>>();
        var resumed = Kind.Fit(data, options, new FitPhases([reported[0][0]], afterLow.Add), CancellationToken.None);

        var resumedSearches = Assert.Single(afterLow);
        Assert.Same(reported[0][0], resumedSearches[0]);
        Assert.Equal(reported[1][1].Theta, resumedSearches[1].Theta);
        var test = Points([.. Enumerable.Range(0, 101).Select(i => i / 100.0)]);
        Assert.Equal(Predict(uninterrupted, test), Predict(resumed, test));
    }

    private static PointSet Points(double[] xs) => new(xs, xs.Length, 1);

    private static Dictionary<string, double[]> Parameters(ISurrogateModel model) => new(model.ExportParameters());
}
