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
    public void With_every_predecessor_as_neighbour_it_is_the_exact_likelihood(KernelShape shape, NoiseMode mode)
    {
        // The chain rule p(y) = Π p(y_i | y_<i) holds in any order, so m = n − 1 is no approximation.
        double[] theta = [0.3, 0.05];
        double[] p = KernelProfiles.HasExponents(shape) ? [1.7, 1.7] : [2.0, 2.0];
        double noiseParameter = mode switch { NoiseMode.Fit => 0.05, NoiseMode.Known => 0.4, _ => 0 };
        var noise = NoiseOf(mode);
        var exact = new KrigingLikelihood(Noisy, shape, noise, 1e-10);
        double exactValue = exact.Evaluate(theta, p, noiseParameter);

        var neighbours = new VecchiaNeighbours(Noisy.Points, theta, p, Noisy.Count - 1, CancellationToken.None);
        var vecchia = new VecchiaLikelihood(Noisy, neighbours, shape, noise, 1e-10);
        var evaluation = vecchia.Evaluate(theta, p, noiseParameter, CancellationToken.None);

        Assert.Equal(exactValue, evaluation.LogLikelihood, 1e-8 * Math.Abs(exactValue));
    }
}
