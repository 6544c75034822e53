using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximises a multi-objective acquisition, given as ln of its value at a batch of points: scores a
/// scrambled Sobol' set and Gaussian perturbations of up to five Pareto-front points at three scales
/// (where improvements of the front usually are), then polishes the best two by bounded Nelder–Mead.
/// Points breaking the distance rule score −∞; the failure penalty multiplies the acquisition by (1 − π).
/// </summary>
internal sealed class VectorAcquisitionMaximiser(Func<PointSet, double[]> logAcquisition, SuggestionContext context)
{
    private const int CentresPerturbed = 5;
    private const int PerturbationsPerScale = 30;
    private const int Polished = 2;
    private static readonly double[] PerturbationScales = [0.1, 0.02, 0.004];

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
            var result = NelderMead.Minimize(x => -Score(x), candidates[start].ToArray(), PolishOptions(), cancellationToken);
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
        var box = context.Box;
        int d = context.Dimension;
        int global = Math.Clamp(200 * d, 500, 2000);
        var sobol = SpaceFilling.Candidates(box, global, context.Random.NextUInt64());
        // A random few of the front's points, so that a long front is perturbed all along over the calls.
        var chosen = centres.ToArray();
        context.Random.Shuffle(chosen.AsSpan());
        chosen = chosen.Take(CentresPerturbed).ToArray();
        int local = chosen.Length * PerturbationScales.Length * PerturbationsPerScale;
        var candidates = new PointSet(global + local, d);
        sobol.Data.CopyTo(candidates.Data);
        var widths = BoxGeometry.Widths(box);
        int row = global;
        foreach (var centre in chosen)
        {
            foreach (double scale in PerturbationScales)
            {
                for (int k = 0; k < PerturbationsPerScale; k++, row++)
                {
                    var target = candidates[row];
                    for (int j = 0; j < d; j++)
                        target[j] = BoxGeometry.Reflect(centre[j] + scale * widths[j] * context.Random.NextGaussian(), box.Lower[j], box.Upper[j]);
                }
            }
        }
        return candidates;
    }

    private NelderMeadOptions PolishOptions()
    {
        var widths = BoxGeometry.Widths(context.Box);
        return new NelderMeadOptions
        {
            LowerBounds = context.Box.Lower.ToArray(),
            UpperBounds = context.Box.Upper.ToArray(),
            InitialSteps = widths.Select(w => 0.02 * w).ToArray(),
            MaxEvaluations = 30 * (context.Dimension + 1),
            PointTolerance = 1e-5 * widths.Min(),
            ValueTolerance = 1e-9,
        };
    }
}
