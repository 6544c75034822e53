using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class KrigingLikelihoodTests
{
    // 30 random points of a smooth function with p = 1.7: R is well conditioned, so central
    // differences are accurate to about 1e-8 and the analytic gradient can be checked to 1e-6.
    private static readonly TrainingSet Data = Sample(30, BraninBox, seed: 3, x => Math.Sin(x[0]) + 0.1 * x[1] * x[1]);

    [Theory]
    [InlineData(1e-8)]
    [InlineData(1e-12)]
    public void The_gradient_in_the_search_variables_matches_central_differences(double nugget)
    {
        // z = (ln θ̃_1, ln θ̃_2, p_1, p_2): the chain rule through θ̃ = θ·width^p is checked too.
        var space = new KrigingSearchSpace(BraninBox, [1.7, 1.7], fitP: true, 1e-4, 1e4, 1, 2);
        var likelihood = new KrigingLikelihood(Data, KernelShape.PowerExponential, KrigingNoise.None, nugget);
        double[] z = [Math.Log(3), Math.Log(0.5), 1.6, 1.8];
        var gradient = new double[4];
        double value = space.NegativeLogLikelihood(likelihood, z, gradient);
        var (theta, p, noise) = space.Decode(z);
        Assert.Equal(-likelihood.Evaluate(theta, p, noise), value);
        AssertGradientMatchesDifferences(space, likelihood, z, gradient);
    }

    public static TheoryData<KernelShape, NoiseMode> KernelsAndNoise()
    {
        var cases = new TheoryData<KernelShape, NoiseMode>();
        foreach (var shape in Enum.GetValues<KernelShape>())
        {
            foreach (var mode in Enum.GetValues<NoiseMode>())
                cases.Add(shape, mode);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(KernelsAndNoise))]
    public void Every_kernel_and_noise_mode_has_the_gradient_of_its_likelihood(KernelShape shape, NoiseMode mode)
    {
        // Known noise: variances that differ by point (heteroscedastic), searched σ² on the values' scale.
        var noisy = Sample(30, BraninBox, seed: 5, x => Math.Sin(x[0]) + 0.1 * x[1] * x[1] + 0.3 * Math.Cos(7 * x[1]));
        var noise = mode switch
        {
            NoiseMode.Fit => KrigingNoise.Fitted,
            NoiseMode.Known => new KrigingNoise(NoiseMode.Known, Enumerable.Range(0, 30).Select(i => 0.01 * (1 + i % 5)).ToArray()),
            _ => KrigingNoise.None,
        };
        double p = KernelProfiles.HasExponents(shape) ? 1.7 : 2;
        var space = new KrigingSearchSpace(BraninBox, [p, p], fitP: false, 1e-4, 1e4, 1, 2, noise: mode, noiseScale: 2, noiseRange: (1e-12, 1e8));
        // Correlations short enough (θ̃ = 30 and 8) that R stays well conditioned for differences without noise too.
        var likelihood = new KrigingLikelihood(noisy, shape, noise, 1e-10);
        double[] z = mode == NoiseMode.None ? [Math.Log(30), Math.Log(8)] : [Math.Log(30), Math.Log(8), Math.Log(0.05)];
        var gradient = new double[z.Length];
        Assert.True(double.IsFinite(space.NegativeLogLikelihood(likelihood, z, gradient)));
        AssertGradientMatchesDifferences(space, likelihood, z, gradient);
    }

    [Fact]
    public void A_second_regressor_of_the_mean_keeps_the_gradient_exact()
    {
        // Co-Kriging's trend [1, t]: μ and ρ are concentrated out by generalised least squares.
        var noisy = Sample(30, BraninBox, seed: 5, x => Math.Sin(x[0]) + 0.1 * x[1] * x[1] + 0.3 * Math.Cos(7 * x[1]));
        var trend = Enumerable.Range(0, 30).Select(i => noisy.Values[i] * 0.8 + Math.Sin(i)).ToArray();
        var space = new KrigingSearchSpace(BraninBox, [2.0, 2.0], fitP: false, 1e-4, 1e4, 1, 2, noise: NoiseMode.Fit, noiseRange: (1e-12, 1e2));
        var likelihood = new KrigingLikelihood(noisy, KernelShape.Matern52, KrigingNoise.Fitted, 1e-10, trend);
        double[] z = [Math.Log(30), Math.Log(8), Math.Log(0.05)];
        var gradient = new double[3];
        double withTrend = space.NegativeLogLikelihood(likelihood, z, gradient);
        Assert.True(withTrend < space.NegativeLogLikelihood(new KrigingLikelihood(noisy, KernelShape.Matern52, KrigingNoise.Fitted, 1e-10), z, new double[3]),
            "a regressor that explains most of the values must raise the likelihood");
        AssertGradientMatchesDifferences(space, likelihood, z, gradient);
    }

    [Fact]
    public void The_likelihood_is_the_concentrated_one_of_the_fitted_model()
    {
        // The model restored with the same θ, p and nugget reports the same log-likelihood.
        double[] theta = [0.05, 0.02], p = [1.7, 1.7];
        var likelihood = new KrigingLikelihood(Data, KernelShape.PowerExponential, KrigingNoise.None, 1e-10);
        var model = Kind.Restore(Data, KrigingOptions(), new Dictionary<string, double[]> { ["theta"] = theta, ["p"] = p, ["nugget"] = [1e-10] });
        Assert.Equal(model.Diagnostics.LogLikelihood!.Value, likelihood.Evaluate(theta, p, 0), 1e-9);
    }

    [Fact]
    public void With_known_noise_the_likelihood_at_the_concentrated_variance_equals_the_concentrated_one()
    {
        // Known τ_i² = λ·σ̂² with σ̂² the concentrated variance of K = R + λI: both forms must agree there.
        double[] theta = [0.05, 0.02], p = [2.0, 2.0];
        const double ratio = 0.01;
        var fitted = new KrigingLikelihood(Data, KernelShape.Matern52, KrigingNoise.Fitted, 0);
        var model = Kind.Restore(Data, KrigingOptions(("kernel", "matern52"), ("noise", "fit")),
            new Dictionary<string, double[]> { ["theta"] = theta, ["p"] = p, ["nugget"] = [0.0], ["noiseRatio"] = [ratio] });
        double sigma2 = ((KrigingModel)model).ProcessVariance;
        var known = new KrigingLikelihood(Data, KernelShape.Matern52, new KrigingNoise(NoiseMode.Known, Enumerable.Repeat(ratio * sigma2, Data.Count).ToArray()), 0);
        Assert.Equal(fitted.Evaluate(theta, p, ratio), known.Evaluate(theta, p, sigma2), 1e-9);
    }

    [Fact]
    public void A_matrix_that_cannot_be_factored_has_likelihood_minus_infinity()
    {
        // θ → 0 makes every correlation 1: without a nugget R is singular.
        var likelihood = new KrigingLikelihood(Data, KernelShape.PowerExponential, KrigingNoise.None, 0);
        var gradient = new double[2];
        Assert.Equal(double.NegativeInfinity, likelihood.Evaluate([1e-300, 1e-300], [2.0, 2.0], 0, gradient, [], out _));
        var space = new KrigingSearchSpace(BraninBox, [2.0, 2.0], fitP: false, 1e-4, 1e4, 1, 2);
        Assert.Equal(double.PositiveInfinity, space.NegativeLogLikelihood(likelihood, [-700, -700], gradient));
    }

    private static void AssertGradientMatchesDifferences(KrigingSearchSpace space, KrigingLikelihood likelihood, double[] z, double[] gradient)
    {
        const double h = 1e-5;
        var ignored = new double[z.Length];
        for (int k = 0; k < z.Length; k++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[k] += h;
            minus[k] -= h;
            double difference = (space.NegativeLogLikelihood(likelihood, plus, ignored) - space.NegativeLogLikelihood(likelihood, minus, ignored)) / (2 * h);
            Assert.Equal(difference, gradient[k], 1e-6 * Math.Max(1, Math.Abs(difference)));
        }
    }
}
