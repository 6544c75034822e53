using MathNet.Numerics.Integration;
using MathNet.Numerics.LinearAlgebra;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Optimization;

public class NoisySuggestionTests
{
    private static readonly Box Unit = new([0], [1]);

    // A smooth bowl with its bottom near 0.55, observed with one lucky low value far from it (x = 0.1).
    private static readonly double[] Xs = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
    private static readonly double[] Ys = [2.1, 0.2, 1.2, 0.8, 0.6, 0.35, 0.45, 0.7, 0.9, 1.5, 2.0];

    private const double Theta = 8, NoiseVariance = 0.09;

    private static SurrogateChoice NoisyKriging() =>
        SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["theta"] = new[] { Theta }, ["noise"] = NoiseVariance });

    private static SuggestionRequest Request(string strategy, SurrogateChoice surrogate, OptimizerState? state = null)
    {
        var s = OptimizationTestData.Strategy(strategy);
        return new SuggestionRequest(Unit, new PointSet((double[])Xs.Clone(), Xs.Length, 1), (double[])Ys.Clone(), 1, 3, state, new OptionValues(s.Options, null), surrogate);
    }

    /// <summary>
    /// The posterior mean at the training points by hand: K = R + (τ²/σ²)·I with R_ij = exp(−θ(x_i − x_j)²)
    /// (the power exponential with p = 2), μ̂ = 1ᵀK⁻¹y / 1ᵀK⁻¹1 and m = μ̂ + R·K⁻¹(y − μ̂), with σ² read from the fit.
    /// </summary>
    private static double[] PosteriorMeansByHand(double processVariance)
    {
        int n = Xs.Length;
        var r = Matrix<double>.Build.Dense(n, n, (i, j) => Math.Exp(-Theta * (Xs[i] - Xs[j]) * (Xs[i] - Xs[j])));
        var k = r + Matrix<double>.Build.DenseIdentity(n) * (NoiseVariance / processVariance);
        var y = Vector<double>.Build.DenseOfArray(Ys);
        var ones = Vector<double>.Build.Dense(n, 1);
        double mean = ones.DotProduct(k.Solve(y)) / ones.DotProduct(k.Solve(ones));
        return (mean + r * k.Solve(y - mean)).ToArray();
    }

    [Theory]
    [InlineData("ei")]
    [InlineData("lcb")]
    public void With_a_noisy_surrogate_the_incumbent_is_the_evaluated_point_of_best_posterior_mean(string strategy)
    {
        var model = (KrigingModel)NoisyKriging().Kind.Fit(new TrainingSet(new PointSet((double[])Xs.Clone(), Xs.Length, 1), Ys, Unit), NoisyKriging().Options);
        var means = PosteriorMeansByHand(model.ProcessVariance);
        int best = Array.IndexOf(means, means.Min());

        var suggestion = OptimizationTestData.Strategy(strategy).Suggest(Request(strategy, NoisyKriging()));

        Assert.NotEqual(1, best); // the luckiest observation is not the incumbent
        Assert.Equal([Xs[best]], suggestion.Incumbent!.Point);
        Assert.Equal(means[best], suggestion.Incumbent.Value, 1e-8);
        Assert.Equal(Ys[best], suggestion.Incumbent.ObservedValue);
        Assert.True(suggestion.Incumbent.IsPosteriorMean);
        Assert.Equal(means[best], suggestion.State.BestValue!.Value, 1e-8);
    }

    [Fact]
    public void Without_noise_the_incumbent_stays_the_best_observation()
    {
        var exact = SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["theta"] = new[] { Theta } });
        var suggestion = OptimizationTestData.Strategy("ei").Suggest(Request("ei", exact));
        Assert.Equal([0.1], suggestion.Incumbent!.Point);
        Assert.Equal(0.2, suggestion.Incumbent.Value);
        Assert.False(suggestion.Incumbent.IsPosteriorMean);
    }

    [Fact]
    public void Noisy_suggestions_round_trip_their_state_with_a_fitted_noise()
    {
        var fitted = SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["noise"] = "fit" });
        var ei = OptimizationTestData.Strategy("ei");
        var first = ei.Suggest(Request("ei", fitted));
        var second = ei.Suggest(Request("ei", fitted, first.State));

        Assert.NotNull(first.State.Theta);
        Assert.Equal(first.State.Theta, second.State.Theta);
        Assert.True(second.Incumbent!.IsPosteriorMean);
        Assert.InRange(second.Points[0][0], 0, 1);
    }

    public static TheoryData<double, double, double, double, double> AeiCases => new()
    {
        // mean, standard error, best, ξ, noise variance
        { 0.3, 0.4, 0.5, 0, 0.09 },
        { 1.2, 0.5, 0.5, 0.01, 1 },
        { 0.0, 0.05, 0.1, 0, 0.25 },
        { -1, 2, 0, 0.1, 0.01 },
    };

    [Theory]
    [MemberData(nameof(AeiCases))]
    public void Augmented_expected_improvement_matches_a_quadrature_of_its_definition(double mean, double error, double best, double xi, double noise)
    {
        // E[max(best − ξ − Y, 0)] for Y ~ N(mean, error²), integrated numerically, times 1 − τ/√(s² + τ²).
        double Density(double y) => Math.Exp(-0.5 * Math.Pow((y - mean) / error, 2)) / (error * Math.Sqrt(2 * Math.PI));
        double improvement = NewtonCotesTrapeziumRule.IntegrateAdaptive(
            y => Math.Max(best - xi - y, 0) * Density(y), mean - 12 * error, best - xi, 1e-13);
        double expected = improvement * (1 - Math.Sqrt(noise) / Math.Sqrt(error * error + noise));

        Assert.Equal(expected, AugmentedExpectedImprovement.Value(mean, error, best, xi, noise), 1e-9 * Math.Max(expected, 1e-3));
    }

    [Fact]
    public void Augmented_expected_improvement_keeps_its_digits_where_the_error_is_far_below_the_noise()
    {
        // 1 − τ/√(s² + τ²) ≈ s²/(2τ²) for s ≪ τ: with s = 1e-6, τ = 1 the direct difference would be 0.
        double factor = AugmentedExpectedImprovement.Value(0, 1e-6, 1, 0, 1) / ExpectedImprovement.Value(0, 1e-6, 1, 0);
        Assert.Equal(0.5e-12, factor, 1e-18);
    }

    [Fact]
    public void A_noisy_run_recommends_the_point_of_best_posterior_mean_and_reports_its_true_value()
    {
        var branin = new Branin();
        var settings = RunSettings.For(OptimizationTestData.Strategy("ei"), 10, 25, 2) with { Noise = 1 };
        var run = OptimizationRun.Minimize(branin.Evaluate, branin.Domain(2), settings);

        Assert.True(run.Best!.IsPosteriorMean);
        Assert.Contains(run.Trace, t => t.Point.AsSpan().SequenceEqual(run.Best.Point));
        Assert.Equal(branin.Evaluate(run.Best.Point), run.BestTrueValue);
        Assert.Contains(run.Warnings, w => w.Contains("noise 'fit'", StringComparison.Ordinal));
    }
}
