using SurrogateService.Numerics.Surrogates;
using static SurrogateService.Numerics.Tests.Surrogates.KrigingTestData;

namespace SurrogateService.Numerics.Tests.Surrogates.NearestNeighbour;

public class VecchiaLikelihoodTests
{
    private static readonly TrainingSet Noisy = Sample(40, BraninBox, seed: 5, x => Math.Sin(x[0]) + 0.1 * x[1] * x[1] + 0.3 * Math.Cos(7 * x[1]));

    private static KrigingNoise NoiseOf(NoiseMode mode) => mode switch
    {
        NoiseMode.Fit => KrigingNoise.Fitted,
        NoiseMode.Known => new KrigingNoise(NoiseMode.Known, Enumerable.Range(0, Noisy.Count).Select(i => 0.01 * (1 + i % 5)).ToArray()),
        _ => KrigingNoise.None,
    };

    [Theory]
    [MemberData(nameof(KrigingLikelihoodTests.KernelsAndNoise), MemberType = typeof(KrigingLikelihoodTests))]
    public void With_every_predecessor_as_neighbour_it_is_the_exact_likelihood_and_gradient(KernelShape shape, NoiseMode mode)
    {
        // The chain rule p(y) = Π p(y_i | y_<i) holds in any order, so m = n − 1 is no approximation.
        double[] theta = [0.3, 0.05];
        double[] p = KernelProfiles.HasExponents(shape) ? [1.7, 1.7] : [2.0, 2.0];
        double noiseParameter = mode switch { NoiseMode.Fit => 0.05, NoiseMode.Known => 0.4, _ => 0 };
        var noise = NoiseOf(mode);
        var exact = new KrigingLikelihood(Noisy, shape, noise, 1e-10);
        var exactThetaGradient = new double[2];
        double exactValue = exact.Evaluate(theta, p, noiseParameter, exactThetaGradient, [], out double exactNoiseGradient);

        var neighbours = new VecchiaNeighbours(Noisy.Points, theta, p, Noisy.Count - 1, CancellationToken.None);
        var vecchia = new VecchiaLikelihood(Noisy, neighbours, shape, noise, 1e-10);
        var gradient = new double[mode == NoiseMode.None ? 2 : 3];
        var evaluation = vecchia.Evaluate(theta, p, noiseParameter, gradient, CancellationToken.None);

        Assert.Equal(exactValue, evaluation.LogLikelihood, 1e-8 * Math.Abs(exactValue));
        for (int l = 0; l < 2; l++)
            Assert.Equal(theta[l] * exactThetaGradient[l], gradient[l], 1e-8 * Math.Max(1, Math.Abs(gradient[l])));
        if (mode != NoiseMode.None)
            Assert.Equal(exactNoiseGradient, gradient[2], 1e-8 * Math.Max(1, Math.Abs(gradient[2])));
    }

    [Theory]
    [InlineData(KernelShape.Matern52, NoiseMode.Fit)]
    [InlineData(KernelShape.PowerExponential, NoiseMode.None)]
    [InlineData(KernelShape.Matern32, NoiseMode.Known)]
    public void With_few_neighbours_the_gradient_is_that_of_the_approximate_likelihood(KernelShape shape, NoiseMode mode)
    {
        double[] theta = [0.3, 0.05];
        double[] p = KernelProfiles.HasExponents(shape) ? [1.7, 1.7] : [2.0, 2.0];
        double noiseParameter = mode switch { NoiseMode.Fit => 0.05, NoiseMode.Known => 0.4, _ => 0 };
        var noise = NoiseOf(mode);
        var neighbours = new VecchiaNeighbours(Noisy.Points, theta, p, 4, CancellationToken.None);
        var vecchia = new VecchiaLikelihood(Noisy, neighbours, shape, noise, 1e-10);
        int count = mode == NoiseMode.None ? 2 : 3;
        var gradient = new double[count];
        vecchia.Evaluate(theta, p, noiseParameter, gradient, CancellationToken.None);
        double LogLikelihood(double[] logs) =>
            vecchia.Evaluate([Math.Exp(logs[0]), Math.Exp(logs[1])], p, count == 3 ? Math.Exp(logs[2]) : 0, [], CancellationToken.None).LogLikelihood;
        double[] at = [Math.Log(theta[0]), Math.Log(theta[1]), Math.Log(Math.Max(noiseParameter, 1e-300))];
        const double h = 1e-5;
        for (int k = 0; k < count; k++)
        {
            var plus = (double[])at.Clone();
            var minus = (double[])at.Clone();
            plus[k] += h;
            minus[k] -= h;
            double difference = (LogLikelihood(plus) - LogLikelihood(minus)) / (2 * h);
            Assert.Equal(difference, gradient[k], 1e-6 * Math.Max(1, Math.Abs(difference)));
        }
    }
}
