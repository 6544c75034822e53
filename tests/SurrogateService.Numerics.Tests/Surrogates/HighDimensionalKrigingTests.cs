using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates;

/// <summary>Kriging with many inputs: the dimension-scaled length-scale prior (MAP search) and KPLS directions.</summary>
public class HighDimensionalKrigingTests
{
    private static readonly Hartmann6 Hartmann = new();

    /// <summary>Hartmann-6 of the first six of <paramref name="d"/> inputs in [0, 1]^d; the others do nothing.</summary>
    private static TrainingSet Embedded(int n, int d, ulong seed) =>
        Sample(n, Box.Uniform(d, 0, 1), seed, x => Hartmann.Evaluate(x.AsSpan(0, 6)));

    [Fact]
    public void The_prior_median_is_Hvarfner_et_al_s_length_scale_in_our_theta()
    {
        // ℓ's median e^{√2 + ½ ln d} = e^{√2}·√d; the RBF exp(−Δ²/(2ℓ²)) is exp(−θ̃Δ²) with θ̃ = 1/(2ℓ²).
        var prior = LengthScalePrior.DimensionScaled(KernelShape.SquaredExponential, Enumerable.Repeat(2.0, 100).ToArray());
        double lengthScale = Math.Exp(Math.Sqrt(2)) * 10;
        Assert.Equal(Math.Log(1 / (2 * lengthScale * lengthScale)), prior.Median(7), 12);
        // Matérn's ℓ is 1/√θ: θ̃ = 1/ℓ².
        var matern = LengthScalePrior.DimensionScaled(KernelShape.Matern52, Enumerable.Repeat(2.0, 100).ToArray());
        Assert.Equal(Math.Log(1 / (lengthScale * lengthScale)), matern.Median(0), 12);
    }

    [Fact]
    public void The_posterior_gradient_matches_central_differences()
    {
        var data = Embedded(40, 8, seed: 1);
        var p = Enumerable.Repeat(2.0, 8).ToArray();
        var space = new KrigingSearchSpace(data.Box, p, fitP: false, 1e-4, 1e4, 1, 2, prior: LengthScalePrior.DimensionScaled(KernelShape.PowerExponential, p));
        var likelihood = new KrigingLikelihood(data, KernelShape.PowerExponential, KrigingNoise.None, 1e-8);
        var z = Enumerable.Range(0, 8).Select(l => Math.Log(0.5 + 0.3 * l)).ToArray();
        AssertGradientMatchesDifferences(space, likelihood, z);
    }

    [Fact]
    public void The_gradient_along_KPLS_directions_matches_central_differences()
    {
        var data = Embedded(40, 8, seed: 2);
        var p = Enumerable.Repeat(2.0, 8).ToArray();
        var directions = PartialLeastSquares.Rotations(data, 3);
        var space = new KrigingSearchSpace(data.Box, p, fitP: false, 1e-4, 1e4, 1, 2, directions: directions);
        Assert.Equal(3, space.ThetaVariables);
        var likelihood = new KrigingLikelihood(data, KernelShape.Matern52, KrigingNoise.None, 1e-8);
        AssertGradientMatchesDifferences(space, likelihood, [Math.Log(2), Math.Log(0.7), Math.Log(5)]);
    }

    [Fact]
    public void PLS_scores_are_orthogonal_and_the_first_direction_follows_a_linear_trend()
    {
        // y = aᵀx: the first PLS weight is Xᵀy/‖Xᵀy‖ ∝ the covariance of X times a, ∝ a for a spread design.
        double[] a = [3, -1, 0, 2, 0.5];
        var data = Sample(400, Box.Uniform(5, 0, 1), seed: 4, x => x.Zip(a, (xi, ai) => xi * ai).Sum());
        var rotations = PartialLeastSquares.Rotations(data, 3);
        double norm = Math.Sqrt(a.Sum(v => v * v));
        for (int l = 0; l < 5; l++)
            Assert.Equal(a[l] / norm, rotations[l, 0], 0.1);
        var scores = Scores(data, rotations);
        for (int j = 0; j < scores.Length; j++)
        {
            for (int k = j + 1; k < scores.Length; k++)
                Assert.True(Math.Abs(Dot(scores[j], scores[k])) < 1e-8 * Math.Sqrt(Dot(scores[j], scores[j]) * Dot(scores[k], scores[k])) + 1e-12);
        }
    }

    [Fact]
    public void With_thirty_inputs_and_forty_points_the_prior_predicts_better_than_maximum_likelihood()
    {
        // Few points in many inputs: maximum likelihood tends to rough θ (short correlations) and a model
        // that returns the mean away from the data; the prior's long length-scales generalise.
        var data = Embedded(40, 30, seed: 5);
        var test = Embedded(300, 30, seed: 6);
        double mapError = HeldOutError(Kind.Fit(data, KrigingOptions(("thetaPrior", "dimensionScaled"))), test);
        double mlError = HeldOutError(Kind.Fit(data, KrigingOptions(("thetaPrior", "none"))), test);
        Assert.True(mapError < mlError, $"MAP RMSE {mapError} vs maximum likelihood {mlError}");
    }

    [Theory]
    [InlineData(KrigingKind.PriorAutoDimension, "none")]
    [InlineData(KrigingKind.PriorAutoDimension + 1, "dimensionScaled")]
    public void The_default_prior_is_maximum_likelihood_up_to_twenty_inputs_and_the_dimension_scaled_one_above(int inputs, string equivalent)
    {
        // Nothing lost at low dimension: up to 20 inputs the default ('auto') must be the plain
        // maximum-likelihood fit the optimisation benchmarks were tuned on, the same θ to the bit,
        // and above 20 the MAP fit under the prior (a different θ, so the two cases are told apart).
        var data = Embedded(30, inputs, seed: 11);
        var byDefault = (KrigingModel)Kind.Fit(data, KrigingOptions());
        var same = (KrigingModel)Kind.Fit(data, KrigingOptions(("thetaPrior", equivalent)));
        var other = (KrigingModel)Kind.Fit(data, KrigingOptions(("thetaPrior", equivalent == "none" ? "dimensionScaled" : "none")));
        Assert.Equal(same.Theta.ToArray(), byDefault.Theta.ToArray());
        Assert.NotEqual(other.Theta.ToArray(), byDefault.Theta.ToArray());
    }

    [Fact]
    public void KPLS_with_one_direction_fits_a_ridge_function_and_writes_per_input_theta()
    {
        // f depends on x only through aᵀx (monotone there): one PLS direction w carries it, and the
        // document's per-input θ is θ₁·w_l² (in the unit box; the box here is the unit box).
        double[] a = [1, 0.5, -0.8, 0, 0.3, 0, 0, 0.9, 0, 0, 0, 0.2];
        Func<double[], double> ridge = x => Math.Sin(0.5 * x.Zip(a, (xi, ai) => xi * ai).Sum());
        var box = Box.Uniform(12, 0, 1);
        var data = Sample(60, box, seed: 7, ridge);
        var model = (KrigingModel)Kind.Fit(data, KrigingOptions(("components", 1.0)));
        var w = PartialLeastSquares.Rotations(data, 1);
        Assert.Equal(12, model.Theta.Length);
        for (int l = 1; l < 12; l++)
            Assert.Equal(model.Theta[0] * w[l, 0] * w[l, 0] / (w[0, 0] * w[0, 0]), model.Theta[l], 1e-9 * model.Theta[0]);
        var test = Sample(200, box, seed: 8, ridge);
        double spread = Math.Sqrt(test.Values.Select(v => v * v).Average() - Math.Pow(test.Values.Average(), 2));
        Assert.True(HeldOutError(model, test) < 0.1 * spread, $"RMSE {HeldOutError(model, test)} vs spread {spread}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(13.0)]
    public void Components_outside_one_to_d_name_the_option(double components)
    {
        var data = Sample(30, Box.Uniform(12, 0, 1), seed: 9, x => x.Sum());
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("components", components))));
        Assert.Equal("options.components", error.Field);
    }

    [Fact]
    public void KPLS_with_the_dimension_scaled_prior_names_the_prior()
    {
        var data = Sample(30, Box.Uniform(12, 0, 1), seed: 9, x => x.Sum());
        var error = Assert.Throws<SurrogateFitException>(() => Kind.Fit(data, KrigingOptions(("components", 2.0), ("thetaPrior", "dimensionScaled"))));
        Assert.Equal("options.thetaPrior", error.Field);
    }

    private static double HeldOutError(ISurrogateModel model, TrainingSet test)
    {
        var predicted = Predict(model, test.Points);
        return Math.Sqrt(predicted.Zip(test.Values, (f, y) => (f - y) * (f - y)).Average());
    }

    private static double[][] Scores(TrainingSet data, double[,] rotations)
    {
        int n = data.Count, d = data.Dimension, h = rotations.GetLength(1);
        var means = Enumerable.Range(0, d).Select(l => Enumerable.Range(0, n).Average(i => data.Points[i][l])).ToArray();
        var scores = new double[h][];
        for (int k = 0; k < h; k++)
        {
            scores[k] = new double[n];
            for (int i = 0; i < n; i++)
            {
                for (int l = 0; l < d; l++)
                    scores[k][i] += (data.Points[i][l] - means[l]) * rotations[l, k];
            }
        }
        return scores;
    }

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static void AssertGradientMatchesDifferences(KrigingSearchSpace space, KrigingLikelihood likelihood, double[] z)
    {
        const double h = 1e-5;
        var gradient = new double[z.Length];
        Assert.True(double.IsFinite(space.NegativeLogLikelihood(likelihood, z, gradient)));
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
