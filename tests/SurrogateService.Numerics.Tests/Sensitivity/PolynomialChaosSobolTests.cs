using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Sensitivity;

public class PolynomialChaosSobolTests
{
    /// <summary>
    /// Ishigami's exact moments and partial variances, a = 7, b = 0.1, x uniform on [−π, π]³
    /// (Ishigami &amp; Homma 1990; formulas as listed by Surjanovic &amp; Bingham,
    /// https://www.sfu.ca/~ssurjano/ishigami.html): mean a/2, V1 = ½(1 + bπ⁴/5)², V2 = a²/8,
    /// V13 = b²π⁸(1/18 − 1/50), every other partial variance 0.
    /// </summary>
    private static (double[] First, double[] Total, double Mean, double Variance) IshigamiExact()
    {
        const double a = 7, b = 0.1;
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v], a / 2, v);
    }

    [Fact]
    public void The_exact_Ishigami_indices_agree_with_the_four_digits_of_NUMERICS_md()
    {
        var (first, total, _, _) = IshigamiExact();
        double[] tabulatedFirst = [0.3139, 0.4424, 0], tabulatedTotal = [0.5576, 0.4424, 0.2437];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(tabulatedFirst[i], first[i], 5e-5);
            Assert.Equal(tabulatedTotal[i], total[i], 5e-5);
        }
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
        var (first, total, mean, variance) = IshigamiExact();
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
