using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.OptimizationBench;

/// <summary>The baseline: the whole budget as uniform random points with the same seed; the running best.</summary>
internal static class RandomSearch
{
    public static double[] BestSoFar(Func<ReadOnlySpan<double>, double> objective, Box box, int budget, ulong seed)
    {
        var uniform = SamplingMethods.Find("uniform")!;
        var points = uniform.Sample(budget, box, OptionValues.Defaults(uniform.Options), seed);
        var best = new double[budget];
        double running = double.PositiveInfinity;
        for (int i = 0; i < budget; i++)
        {
            running = Math.Min(running, objective(points[i]));
            best[i] = running;
        }
        return best;
    }
}
