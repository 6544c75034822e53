using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The fallback of last resort, which needs no model: among scrambled Sobol' candidates, the one
/// farthest from every occupied point (integers and levels drawn as such, see <see cref="VariableSpace.Candidates"/>).
/// It explores where nothing is known, which is never a wasted evaluation.
/// </summary>
internal static class SpaceFilling
{
    private static readonly SobolSampling Sobol = new();

    private static readonly OptionValues Scrambled = new(Sobol.Options, new Dictionary<string, object>
    {
        [SobolSampling.SequenceOption] = "plain",
        [SobolSampling.ScrambleOption] = true,
    });

    /// <summary>Scrambled Sobol' points in the box.</summary>
    public static PointSet Candidates(Box box, int count, ulong seed) => Sobol.Sample(count, box, Scrambled, seed);

    /// <summary>The farthest candidate from the occupied points, or null when even it violates the distance rule.</summary>
    public static double[]? FarthestPoint(VariableSpace space, OccupiedPoints occupied, ulong seed)
    {
        var candidates = space.Candidates(Math.Clamp(256 * space.Dimension, 1024, 4096), seed);
        int best = -1;
        double bestDistance = double.NegativeInfinity;
        for (int i = 0; i < candidates.Count; i++)
        {
            double distance = occupied.NearestSquaredDistance(candidates[i]);
            if (distance > bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        return occupied.IsFree(candidates[best]) ? candidates[best].ToArray() : null;
    }
}
