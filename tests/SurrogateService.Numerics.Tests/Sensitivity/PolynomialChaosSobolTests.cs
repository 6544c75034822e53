using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Sensitivity;

public class PolynomialChaosSobolTests
{
    [Fact]
    public void The_exact_Ishigami_indices_agree_with_the_four_digits_of_NUMERICS_md_and_the_moments_with_direct_integration()
    {
        var (first, total, mean, variance) = Ishigami.ExactSensitivity();
        double[] tabulatedFirst = [0.3139, 0.4424, 0], tabulatedTotal = [0.5576, 0.4424, 0.2437];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(tabulatedFirst[i], first[i], 5e-5);
            Assert.Equal(tabulatedTotal[i], total[i], 5e-5);
        }
        // E[f] and E[f²] on a midpoint grid (f is smooth and periodic in x1 and x2, so the grid converges fast).
        var ishigami = new Ishigami();
        const int m = 200;
        double sum = 0, squares = 0;
        var x = new double[3];
        for (int i = 0; i < m * m * m; i++)
        {
            for (int j = 0, rest = i; j < 3; j++, rest /= m)
                x[j] = -Math.PI + 2 * Math.PI * (rest % m + 0.5) / m;
            double f = ishigami.Evaluate(x);
            sum += f;
            squares += f * f;
        }
        double gridMean = sum / (m * m * m);
        Assert.Equal(gridMean, mean, 1e-3);
        Assert.Equal(squares / (m * m * m) - gridMean * gridMean, variance, 1e-3 * variance);
    }

    [Fact]
    public void Ishigami_on_600_Sobol_points_gives_the_analytic_indices_mean_and_variance()
    {
        var ishigami = BenchmarkFunctions.Find("ishigami")!;
        var box = ishigami.Domain(3);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(600, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.SequenceOption] = "skipZero" }), 0);
        var values = new double[points.Count];
        ishigami.EvaluateBatch(points, values);
        var kind = SurrogateKinds.Find("polynomialChaos")!;
        var model = kind.Fit(new TrainingSet(points, values, box), new OptionValues(kind.Options, new Dictionary<string, object> { ["maxDegree"] = 16 }));

        var result = SobolIndices.Compute(model, new SobolSettings());
        var (first, total, mean, variance) = Ishigami.ExactSensitivity();
        Assert.Equal(PolynomialChaosSobolIndices.Method, result.Method);
        Assert.Equal(0, result.Evaluations);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(first[i], result.FirstOrder[i], 2e-3);
            Assert.Equal(total[i], result.Total[i], 2e-3);
            Assert.Equal(result.FirstOrder[i], result.FirstOrderIntervals[i].Lower);
        }
        Assert.Equal(mean, result.Mean!.Value, 1e-3 * Math.Abs(mean));
        Assert.Equal(variance, result.Variance!.Value, 1e-3 * variance);
    }

    [Fact]
    public void Analytic_indices_agree_with_sampling_the_same_model()
    {
        var box = new Core.Box([0, -1, 2], [1, 1, 4]);
        var data = Surrogates.SurrogateTestData.Random(120, box, x => Math.Sin(3 * x[0]) + x[0] * x[1] * x[1] + 0.2 * x[2], seed: 11);
        var kind = SurrogateKinds.Find("polynomialChaos")!;
        var model = kind.Fit(data, OptionValues.Defaults(kind.Options));

        var analytic = SobolIndices.Compute(model, new SobolSettings());
        var sampled = SobolIndices.Compute(model.Predict, box, new SobolSettings(BaseSamples: 1 << 14, BootstrapResamples: 20, Seed: 5));
        Assert.Equal(SobolIndices.SamplingMethod, sampled.Method);
        Assert.Null(sampled.Mean);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(sampled.FirstOrder[i], analytic.FirstOrder[i], 0.01);
            Assert.Equal(sampled.Total[i], analytic.Total[i], 0.01);
        }
        Assert.True(analytic.FirstOrder.Sum() <= 1 + 1e-12);
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(analytic.FirstOrder[i] <= analytic.Total[i] + 1e-15));
    }

    [Fact]
    public void A_constant_model_has_zero_indices_and_says_why()
    {
        var box = new Core.Box([0, 0], [1, 1]);
        var data = Surrogates.SurrogateTestData.Random(10, box, _ => 3, seed: 12);
        var kind = SurrogateKinds.Find("polynomialChaos")!;
        var result = SobolIndices.Compute(kind.Fit(data, OptionValues.Defaults(kind.Options)), new SobolSettings());
        Assert.Equal([0, 0], result.FirstOrder);
        Assert.Equal(3, result.Mean!.Value, 1e-12);
        Assert.Single(result.Warnings);
    }
}
