using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// The candidates and the polish that the acquisition maximisers share: a scrambled Sobol' set
/// (global) and Gaussian perturbations of a few promising points at three scales (local, where the
/// acquisition's peaks usually are), then a bounded Nelder–Mead polish of the best few.
/// </summary>
internal static class CandidateSearch
{
    /// <summary>How many promising points are perturbed.</summary>
    public const int CentresPerturbed = 5;

    private const int PerturbationsPerScale = 30;
    private static readonly double[] PerturbationScales = [0.1, 0.02, 0.004];

    /// <summary>Sobol' points, then each centre perturbed at three scales (reflected into the box).</summary>
    public static PointSet Candidates(SuggestionContext context, IReadOnlyList<double[]> centres)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(centres);
        var box = context.Box;
        int d = context.Dimension;
        int global = Math.Clamp(200 * d, 500, 2000);
        var sobol = SpaceFilling.Candidates(box, global, context.Random.NextUInt64());
        int local = centres.Count * PerturbationScales.Length * PerturbationsPerScale;
        var candidates = new PointSet(global + local, d);
        sobol.Data.CopyTo(candidates.Data);
        var widths = BoxGeometry.Widths(box);
        int row = global;
        foreach (var centre in centres)
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

    /// <summary>Nelder–Mead within the box, first steps 2 % of each width, 30·(d + 1) evaluations.</summary>
    public static NelderMeadOptions PolishOptions(Box box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var widths = BoxGeometry.Widths(box);
        return new NelderMeadOptions
        {
            LowerBounds = box.Lower.ToArray(),
            UpperBounds = box.Upper.ToArray(),
            InitialSteps = widths.Select(w => 0.02 * w).ToArray(),
            MaxEvaluations = 30 * (box.Dimension + 1),
            PointTolerance = 1e-5 * widths.Min(),
            ValueTolerance = 1e-9,
        };
    }
}
