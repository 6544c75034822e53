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
        var likelihood = new KrigingLikelihood(Data, nugget);
        double[] z = [Math.Log(3), Math.Log(0.5), 1.6, 1.8];
        var gradient = new double[4];
        double value = space.NegativeLogLikelihood(likelihood, z, gradient);
        var (theta, p) = space.Decode(z);
        Assert.Equal(-likelihood.Evaluate(theta, p), value);

        const double h = 1e-5;
        var ignored = new double[4];
        for (int k = 0; k < 4; k++)
        {
            var plus = (double[])z.Clone();
            var minus = (double[])z.Clone();
            plus[k] += h;
            minus[k] -= h;
            double difference = (space.NegativeLogLikelihood(likelihood, plus, ignored) - space.NegativeLogLikelihood(likelihood, minus, ignored)) / (2 * h);
            Assert.Equal(difference, gradient[k], 1e-6 * Math.Max(1, Math.Abs(difference)));
        }
    }

    [Fact]
    public void The_likelihood_is_the_concentrated_one_of_the_fitted_model()
    {
        // The model restored with the same θ, p and nugget reports the same log-likelihood.
        double[] theta = [0.05, 0.02], p = [1.7, 1.7];
        var likelihood = new KrigingLikelihood(Data, 1e-10);
        var model = Kind.Restore(Data, KrigingOptions(), new Dictionary<string, double[]> { ["theta"] = theta, ["p"] = p, ["nugget"] = [1e-10] });
        Assert.Equal(model.Diagnostics.LogLikelihood!.Value, likelihood.Evaluate(theta, p), 1e-9);
    }

    [Fact]
    public void A_matrix_that_cannot_be_factored_has_likelihood_minus_infinity()
    {
        // θ → 0 makes every correlation 1: without a nugget R is singular.
        var likelihood = new KrigingLikelihood(Data, 0);
        var gradient = new double[2];
        Assert.Equal(double.NegativeInfinity, likelihood.Evaluate([1e-300, 1e-300], [2.0, 2.0], gradient, []));
        var space = new KrigingSearchSpace(BraninBox, [2.0, 2.0], fitP: false, 1e-4, 1e4, 1, 2);
        Assert.Equal(double.PositiveInfinity, space.NegativeLogLikelihood(likelihood, [-700, -700], gradient));
    }
}
