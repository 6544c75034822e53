using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Numerics.Tests.Sensitivity;

public class SobolIndicesTests
{
    // NUMERICS.md, Ishigami with a = 7, b = 0.1 on [−π, π]³.
    private static readonly double[] IshigamiFirstOrder = [0.3139, 0.4424, 0];
    private static readonly double[] IshigamiTotal = [0.5576, 0.4424, 0.2437];

    [Fact]
    public void Ishigami_indices_match_the_analytic_values()
    {
        var ishigami = BenchmarkFunctions.Find("ishigami")!;
        var result = SobolIndices.Compute((points, values) => ishigami.EvaluateBatch(points, values), ishigami.Domain(3),
            new SobolSettings(BaseSamples: 1 << 14, BootstrapResamples: 50, Seed: 1));

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(IshigamiFirstOrder[i], result.FirstOrder[i], 0.01);
            Assert.Equal(IshigamiTotal[i], result.Total[i], 0.01);
        }
        Assert.Equal((1 << 14) * 5, result.Evaluations);
    }

    [Fact]
    public void Ishigami_indices_on_a_kriging_surrogate_are_close_to_the_analytic_values()
    {
        var ishigami = BenchmarkFunctions.Find("ishigami")!;
        var box = ishigami.Domain(3);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(200, box, new OptionValues(sobol.Options, new Dictionary<string, object> { [SobolSampling.ScrambleOption] = true }), 3);
        var values = new double[points.Count];
        ishigami.EvaluateBatch(points, values);
        var kriging = SurrogateKinds.Find("kriging")!;
        var model = kriging.Fit(new TrainingSet(points, values, box), new OptionValues(kriging.Options, new Dictionary<string, object> { ["restarts"] = 2 }));

        var result = SobolIndices.Compute(model, new SobolSettings(BaseSamples: 4096, BootstrapResamples: 50, Seed: 2));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(IshigamiFirstOrder[i], result.FirstOrder[i], 0.05);
            Assert.Equal(IshigamiTotal[i], result.Total[i], 0.05);
        }
    }

    [Fact]
    public void A_linear_function_apportions_variance_by_squared_coefficient_times_squared_width()
    {
        // y = Σ a_i x_i with independent uniform x_i: Var = Σ a_i² w_i²/12, and every index of
        // input i is a_i² w_i² / Σ_j a_j² w_j²; with no interactions first order equals total.
        double[] a = [1, -2, 0.5, 0];
        var box = new Box([0, -1, 2, 0], [1, 1, 6, 3]);
        double[] share = [.. a.Select((ai, i) => ai * ai * Math.Pow(box.Upper[i] - box.Lower[i], 2))];
        double sum = share.Sum();

        var result = SobolIndices.Compute(Linear(a), box, new SobolSettings(BaseSamples: 4096, Seed: 7));
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(share[i] / sum, result.FirstOrder[i], 0.01);
            Assert.Equal(share[i] / sum, result.Total[i], 0.01);
            Assert.Equal(result.FirstOrder[i], result.Total[i], 0.01);
            Assert.InRange(result.FirstOrder[i], result.FirstOrderIntervals[i].Lower, result.FirstOrderIntervals[i].Upper);
            Assert.InRange(result.Total[i], result.TotalIntervals[i].Lower, result.TotalIntervals[i].Upper);
        }
    }

    [Fact]
    public void Wider_confidence_levels_give_wider_intervals_and_the_seed_fixes_the_result()
    {
        var box = new Box([0, 0], [1, 1]);
        BatchFunction f = (points, values) =>
        {
            for (int k = 0; k < points.Count; k++)
                values[k] = Math.Sin(6 * points[k][0]) + points[k][0] * points[k][1];
        };
        var narrow = SobolIndices.Compute(f, box, new SobolSettings(BaseSamples: 512, ConfidenceLevel: 0.5, Seed: 3));
        var wide = SobolIndices.Compute(f, box, new SobolSettings(BaseSamples: 512, ConfidenceLevel: 0.99, Seed: 3));
        var again = SobolIndices.Compute(f, box, new SobolSettings(BaseSamples: 512, ConfidenceLevel: 0.5, Seed: 3));

        Assert.Equal(narrow.FirstOrder, wide.FirstOrder);
        Assert.Equal(narrow.FirstOrderIntervals, again.FirstOrderIntervals);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(wide.TotalIntervals[i].Lower < narrow.TotalIntervals[i].Lower);
            Assert.True(wide.TotalIntervals[i].Upper > narrow.TotalIntervals[i].Upper);
        }
    }

    [Fact]
    public void A_constant_function_has_zero_indices_and_says_why()
    {
        var result = SobolIndices.Compute((points, values) => values.Fill(4), new Box([0, 0], [1, 1]), new SobolSettings(BaseSamples: 64));
        Assert.Equal([0, 0], result.FirstOrder);
        Assert.Equal([0, 0], result.Total);
        Assert.Single(result.Warnings);
    }

    private static BatchFunction Linear(double[] a) => (points, values) =>
    {
        for (int k = 0; k < points.Count; k++)
        {
            double sum = 0;
            for (int i = 0; i < a.Length; i++)
                sum += a[i] * points[k][i];
            values[k] = sum;
        }
    };
}
