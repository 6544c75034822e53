using SurrogateService.Numerics.Core;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximises a multi-objective acquisition, given as ln of its value at a batch of points: scores a
/// scrambled Sobol' set and Gaussian perturbations of up to five Pareto-front points at three scales
/// (where improvements of the front usually are), then polishes the best two by bounded Nelder–Mead.
/// Points breaking the distance rule score −∞; the failure penalty multiplies the acquisition by (1 − π).
/// </summary>
internal sealed class VectorAcquisitionMaximiser(Func<PointSet, double[]> logAcquisition, SuggestionContext context)
{
    private const int Polished = 2;

    /// <summary>The best point and its ln acquisition, or null when every candidate breaks the distance rule or scores −∞.</summary>
    public (double[] Point, double LogAcquisition)? Maximise(IReadOnlyList<double[]> centres, CancellationToken cancellationToken)
    {
        var candidates = Candidates(centres);
        var scores = Scores(candidates);
        var order = Enumerable.Range(0, candidates.Count).Where(i => scores[i] > double.NegativeInfinity).OrderByDescending(i => scores[i]).ToArray();
        if (order.Length == 0)
            return null;
        double[] bestPoint = candidates[order[0]].ToArray();
        double bestScore = scores[order[0]];
        var single = new PointSet(1, context.Dimension);
        double Score(ReadOnlySpan<double> x)
        {
            x.CopyTo(single[0]);
            return Scores(single)[0];
        }
        foreach (int start in order.Take(Polished))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = NelderMead.Minimize(x => -Score(x), candidates[start].ToArray(), CandidateSearch.PolishOptions(context.Box), cancellationToken);
            if (-result.Minimum > bestScore)
            {
                bestScore = -result.Minimum;
                bestPoint = result.Minimizer;
            }
        }
        return (bestPoint, bestScore);
    }

    private double[] Scores(PointSet points)
    {
        var scores = logAcquisition(points);
        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (!context.Occupied.IsFree(point) || double.IsNaN(scores[i]))
            {
                scores[i] = double.NegativeInfinity;
                continue;
            }
            double penalty = context.Penalty.At(point);
            if (penalty > 0)
                scores[i] += Math.Log(1 - penalty);
        }
        return scores;
    }

    private PointSet Candidates(IReadOnlyList<double[]> centres)
    {
        // A random few of the front's points, so that a long front is perturbed all along over the calls.
        var chosen = centres.ToArray();
        context.Random.Shuffle(chosen.AsSpan());
        return CandidateSearch.Candidates(context, chosen.Take(CandidateSearch.CentresPerturbed).ToArray());
    }
}
