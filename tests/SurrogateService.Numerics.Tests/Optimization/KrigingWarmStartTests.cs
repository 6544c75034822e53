using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Tests.Optimization;

public class KrigingWarmStartTests
{
    [Fact]
    public void A_search_from_a_degenerate_theta_reaches_the_likelihood_of_a_full_search()
    {
        // Hartmann-6 on 40 points: the multi-start search ends inside the box. The previous θ is the
        // kind of optimum few points give in 6-D, every θ_l at a bound of the search (the unit box
        // makes θ and the search's scaled θ equal), from which a local search alone cannot leave.
        var (box, points, values) = OptimizationTestData.Evaluated("hartmann6", 40);
        var data = new TrainingSet(points, values, box);
        var choice = SurrogateChoice.Of("kriging");
        double[] degenerate = [1e4, 1e-4, 1e-4, 1e-4, 1e4, 1e-4];
        double full = ((KrigingModel)choice.Kind.Fit(data, choice.Options)).Diagnostics.LogLikelihood!.Value;
        var trapped = KrigingHyperparameterSearch.Run(data, new KrigingSearchSettings(degenerate, [2.0, 2.0, 2.0, 2.0, 2.0, 2.0], false, 0, Starts: 1, 0), default);
        Assert.True(trapped.LogLikelihood < full - 1, $"precondition: the local search from the degenerate θ stays there ({trapped.LogLikelihood} vs {full})");

        var warm = KrigingWarmStart.TryFit(data, choice, degenerate, search: true, default)!;

        Assert.True(warm.Diagnostics.LogLikelihood >= full - 1e-3 * Math.Abs(full), $"warm {warm.Diagnostics.LogLikelihood}, full search {full}");
    }
}
