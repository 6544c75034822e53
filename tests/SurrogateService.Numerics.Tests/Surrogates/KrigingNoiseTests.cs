using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

public class KrigingNoiseTests
{
    private static readonly double[][] ReferencePoints =
        [[-3.0, 2.0], [1.0, 11.0], [7.5, 4.0], [2.0, 7.0], [-1.0, 13.5], [9.0, 9.0], [4.0, 1.0], [-4.5, 8.0]];

    private static readonly PointSet Queries = Rows([[0.0, 5.0], [5.5, 12.5], [-2.0, 0.5]]);

    // Recorded from an independent NumPy transcription of the formulas (explicit inverse of
    // K = R + Λ, GLS mean, s² = σ²(1 − rᵀK⁻¹r + (1 − 1ᵀK⁻¹r)²/1ᵀK⁻¹1)) with θ = [0.05, 0.02] on the
    // eight Branin points above, queried at the three points above.
    public static TheoryData<string, string, double, double[], double[], double[]> References() => new()
    {
        // Matérn 5/2, known noise variance 0.3 for every value, σ² = 2500.
        { "matern52", "sigma2", 2500, [0.3], [44.44741516042309, 51.33865270634439, 89.75576505406532], [21.280443348844695, 35.47855072922002, 16.347305873393257] },
        // Matérn 3/2, fitted noise with λ = τ²/σ² = 0.1 (σ² concentrated: 892.5925475030922).
        { "matern32", "noiseRatio", 0.1, [], [48.04858226600777, 45.37662627788075, 82.76321165392656], [16.683083299675754, 23.578243646074775, 14.956906183219072] },
        // Squared exponential, known per-point variances, σ² = 900.
        { "squaredExponential", "sigma2", 900, [0.1, 0.5, 1.0, 2.0, 0.2, 0.05, 3.0, 0.7], [44.31006290425567, 54.54119108180556, 89.9803531820684], [14.805018327687923, 25.28533846738701, 11.032747093245879] },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Fixed_hyperparameters_predict_as_an_independent_transcription(string kernel, string noiseParameter, double value, double[] variances, double[] expected, double[] expectedErrors)
    {
        var points = Rows(ReferencePoints);
        var values = ReferencePoints.Select(x => Branin(x)).ToArray();
        object noise = noiseParameter == "noiseRatio" ? "fit" : variances.Length == 1 ? variances[0] : 0.0;
        var data = new TrainingSet(points, values, BraninBox, variances.Length > 1 ? variances : null);
        var model = Kind.Restore(data, KrigingOptions(("kernel", kernel), ("noise", noise)), new Dictionary<string, double[]>
        {
            ["theta"] = [0.05, 0.02],
            ["p"] = [2.0, 2.0],
            ["nugget"] = [0.0],
            [noiseParameter] = [value],
        });

        var predicted = Predict(model, Queries);
        var errors = StandardErrors(model, Queries);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(expected[k], predicted[k], 1e-9 * Math.Abs(expected[k]));
            Assert.Equal(expectedErrors[k], errors[k], 1e-9 * expectedErrors[k]);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void Fitted_noise_recovers_the_noise_level_and_is_honest_about_its_uncertainty(double sigma)
    {
        // Three noise draws: one draw's coverage scatters by a few per cent, their mean much less.
        var test = BraninGrid();
        var coverages = new List<double>();
        foreach (ulong seed in new ulong[] { 21, 22, 23 })
        {
            var data = NoisyBranin(100, sigma, seed);
            var model = (KrigingModel)Kind.Fit(data, KrigingOptions(("kernel", "matern52"), ("noise", "fit")));
            double rmse = Rmse(model, test, x => Branin(x));
            Assert.InRange(model.Diagnostics.NoiseVariance!.Value, 0.4 * sigma * sigma, 2.5 * sigma * sigma);
            Assert.True(rmse < sigma, $"the model should be closer to the truth than one noise sd: {rmse}");
            Assert.True(rmse < Rmse(Kind.Fit(data, KrigingOptions(("kernel", "matern52"))), test, x => Branin(x)), "modelling the noise must beat interpolating it");
            Assert.InRange(model.Diagnostics.LeaveOneOutStandardisedSpread!.Value, 0.75, 1.3);
            Assert.InRange(model.Diagnostics.LeaveOneOutStandardisedMean!.Value, -0.3, 0.3);
            coverages.Add(Coverage(model, test));
        }
        Assert.InRange(coverages.Average(), 0.9, 0.995);
    }

    [Fact]
    public void Exact_values_fitted_with_noise_get_a_vanishing_noise_estimate()
    {
        var data = BraninSample(60, seed: 4);
        var model = Kind.Fit(data, KrigingOptions(("noise", "fit")));
        double variance = data.Values.Select(v => v * v).Average() - Math.Pow(data.Values.Average(), 2);
        Assert.True(model.Diagnostics.NoiseVariance <= 1e-6 * variance, $"noise {model.Diagnostics.NoiseVariance} of a variance {variance}");
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("lower end", StringComparison.Ordinal));
    }

    [Fact]
    public void Known_per_point_variances_beat_their_average_when_precision_varies()
    {
        // Noise sd from 0.5 on the left of the box to 5 on the right: variances 100× apart. Summed over
        // three draws, since one draw can favour either model by chance.
        var test = BraninGrid();
        double knownError = 0, averageError = 0;
        foreach (ulong seed in new ulong[] { 8, 9, 10 })
        {
            var clean = BraninSample(80, seed);
            var random = new DeterministicRandom(seed + 100);
            var variances = new double[clean.Count];
            var values = new double[clean.Count];
            for (int i = 0; i < clean.Count; i++)
            {
                double sd = 0.5 + 4.5 * (clean.Points[i][0] + 5) / 15;
                variances[i] = sd * sd;
                values[i] = clean.Values[i] + sd * random.NextGaussian();
            }
            var known = Kind.Fit(new TrainingSet(clean.Points, values, BraninBox, variances), KrigingOptions(("kernel", "matern52")));
            var average = Kind.Fit(new TrainingSet(clean.Points, values, BraninBox), KrigingOptions(("kernel", "matern52"), ("noise", variances.Average())));
            knownError += Rmse(known, test, x => Branin(x));
            averageError += Rmse(average, test, x => Branin(x));
            Assert.Null(((KrigingModel)known).ObservationNoiseVariance);
            Assert.Equal(variances.Average(), ((KrigingModel)average).ObservationNoiseVariance);
        }
        Assert.True(knownError < averageError, $"per-point {knownError / 3}, average {averageError / 3}");
    }

    [Fact]
    public void Replicates_are_legal_with_noise_and_refused_without()
    {
        var data = NoisyBranin(30, 1.0, seed: 2);
        var points = new PointSet(31, 2);
        for (int i = 0; i < 30; i++)
            data.Points[i].CopyTo(points[i]);
        data.Points[0].CopyTo(points[30]);
        var values = data.Values.Append(data.Values[0] + 0.5).ToArray();
        var replicated = new TrainingSet(points, values, BraninBox);

        Assert.NotNull(Kind.Fit(replicated, KrigingOptions(("noise", "fit"))));
        Assert.NotNull(Kind.Fit(replicated, KrigingOptions(("noise", 1.0))));
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(replicated, KrigingOptions()));
        Assert.Contains("noise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_values_with_fitted_noise_say_the_noise_cannot_be_estimated()
    {
        var clean = BraninSample(20, seed: 1);
        var constant = new TrainingSet(clean.Points, Enumerable.Repeat(3.0, 20).ToArray(), BraninBox);
        var model = Kind.Fit(constant, KrigingOptions(("noise", "fit")));
        Assert.Contains(model.Diagnostics.Warnings, w => w.Contains("noise variance cannot be estimated", StringComparison.Ordinal));
        Assert.All(Predict(model, BraninGrid()), v => Assert.Equal(3.0, v, 1e-9));
    }

    [Theory]
    [InlineData("powerExponential", "fit")]
    [InlineData("squaredExponential", "0.5")]
    [InlineData("matern32", "fit")]
    [InlineData("matern52", "0")]
    public void Restoring_a_fitted_model_gives_the_same_predictions_bit_for_bit(string kernel, string noise)
    {
        var data = NoisyBranin(40, 1.0, seed: 6);
        var options = KrigingOptions(("kernel", kernel), ("noise", noise == "fit" ? noise : double.Parse(noise, System.Globalization.CultureInfo.InvariantCulture)));
        var fitted = Kind.Fit(data, options);
        var restored = Kind.Restore(data, options, fitted.ExportParameters());
        var grid = BraninGrid();
        Assert.Equal(Predict(fitted, grid), Predict(restored, grid));
        Assert.Equal(StandardErrors(fitted, grid), StandardErrors(restored, grid));
    }

    [Theory]
    [InlineData("powerExponential")]
    [InlineData("squaredExponential")]
    [InlineData("matern32")]
    [InlineData("matern52")]
    public void The_gradient_of_a_prediction_matches_central_differences(string kernel)
    {
        // A known noise keeps the weights moderate, so differences of predictions lose no digits to cancellation.
        var model = (KrigingModel)Kind.Fit(NoisyBranin(30, 0.5, seed: 3), KrigingOptions(("kernel", kernel), ("noise", 0.25)));
        var at = Rows([[1.3, 4.2], [-2.2, 11.1], [8.7, 0.9]]);
        var gradients = new double[6];
        model.Gradient(at, gradients);
        // Fourth-order central differences with a step large enough that the predictions' rounding
        // (smooth fits carry large weights that cancel) stays below the tolerance; truncation is O(h⁴).
        const double h = 1e-3;
        for (int k = 0; k < 3; k++)
        {
            for (int l = 0; l < 2; l++)
            {
                double At(double step)
                {
                    var shifted = Rows([at[k].ToArray()]);
                    shifted[0][l] += step;
                    return Predict(model, shifted)[0];
                }
                double difference = (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
                Assert.Equal(difference, gradients[k * 2 + l], 1e-5 * Math.Max(1, Math.Abs(difference)));
            }
        }
    }

    private static double Coverage(ISurrogateModel model, PointSet points)
    {
        var predicted = Predict(model, points);
        var errors = StandardErrors(model, points);
        int inside = 0;
        for (int k = 0; k < points.Count; k++)
        {
            if (Math.Abs(predicted[k] - Branin(points[k])) <= 1.96 * errors[k])
                inside++;
        }
        return (double)inside / points.Count;
    }

    private static TrainingSet NoisyBranin(int n, double sigma, ulong seed)
    {
        var clean = BraninSample(n, seed);
        var random = new DeterministicRandom(seed + 1000);
        var values = clean.Values.Select(v => v + sigma * random.NextGaussian()).ToArray();
        return new TrainingSet(clean.Points, values, BraninBox);
    }

    private static PointSet Rows(double[][] rows)
    {
        var points = new PointSet(rows.Length, rows[0].Length);
        for (int i = 0; i < rows.Length; i++)
            rows[i].CopyTo(points[i]);
        return points;
    }
}
