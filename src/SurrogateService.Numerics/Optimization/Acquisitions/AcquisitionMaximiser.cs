using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximises an acquisition over the box: scores a scrambled Sobol' set (global) and Gaussian
/// perturbations of the best evaluated points at three scales (local, where EI's peaks usually
/// are), then polishes the best few by bounded Nelder–Mead. Above 20 inputs the perturbations move
/// about 20 coordinates each and the polish is rounds of such perturbations (see <see cref="PolishSparse"/>). Points breaking the distance rule
/// score −∞ throughout. With constraints, the score adds ln PoF (see <see cref="ProbabilityOfFeasibility"/>)
/// and the reported acquisition is multiplied by PoF.
/// </summary>
/// <remarks>
/// Integer and categorical coordinates: every candidate is admissible (whole numbers and level
/// indices, see <see cref="VariableSpace"/>), so the acquisition is only ever evaluated where the
/// function can be. The polish alternates a Nelder–Mead search over the continuous coordinates with
/// the discrete ones held, and a first-improvement local search over the discrete ones (an integer
/// ±1, a category to any other level) with the continuous ones held, until a round moves nothing
/// (at most <see cref="MixedRounds"/> rounds): the alternation of continuous relaxation and
/// neighbourhood moves that mixed-variable Bayesian optimisers use, without the rounding error of
/// relaxing a category onto a line.
/// </remarks>
internal sealed class AcquisitionMaximiser(
    ISurrogateModel model, Acquisition acquisition, SuggestionContext context, ProbabilityOfFeasibility? feasibility = null, bool noisy = false)
{
    private const int BestPointsPerturbed = 5;
    private const int PerturbationsPerScale = 30;
    private const int Polished = 2;
    private static readonly double[] PerturbationScales = [0.1, 0.02, 0.004];
    private const int MixedRounds = 4;
    private const int SparseDimension = 20;
    private const int PolishBatch = 100;
    private const int PolishRounds = 3;
    private static readonly double[] PolishScales = [0.02, 0.004, 0.0008];

    private readonly PointSet _single = new(1, context.Dimension);
    private readonly double[] _mean = new double[1];
    private readonly double[] _error = new double[1];

    /// <summary>The best point and its reported acquisition, or null when every candidate breaks the distance rule.</summary>
    public (double[] Point, double Acquisition)? Maximise(TrainingSet data, CancellationToken cancellationToken)
    {
        var candidates = Candidates(data);
        var scores = ScoreAll(candidates);

        var order = Enumerable.Range(0, candidates.Count).Where(i => scores[i] > double.NegativeInfinity).OrderByDescending(i => scores[i]).ToArray();
        if (order.Length == 0)
            return null;

        double[] bestPoint = candidates[order[0]].ToArray();
        double bestScore = scores[order[0]];
        foreach (int start in order.Take(Polished))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (point, score) = context.Space.IsMixed
                ? PolishMixed(candidates[start].ToArray(), scores[start], cancellationToken)
                : SparsePerturbation(context.Dimension) < 1
                    ? PolishSparse(candidates[start].ToArray(), scores[start], cancellationToken)
                    : PolishContinuous(candidates[start].ToArray(), cancellationToken);
            if (score > bestScore)
            {
                bestScore = score;
                bestPoint = point;
            }
        }
        Predict(bestPoint);
        double reported = acquisition.Report(_mean[0], _error[0]);
        return (bestPoint, feasibility is null ? reported : reported * Math.Exp(LogFeasibility(bestPoint)));
    }

    private (double[] Point, double Score) PolishContinuous(double[] start, CancellationToken cancellationToken)
    {
        var result = NelderMead.Minimize(x => -Score(x), start, PolishOptions(), cancellationToken);
        return (result.Minimizer, -result.Minimum);
    }

    /// <summary>Scores of a batch of points (batched predictions), −∞ where the distance rule or a non-finite prediction rules a point out.</summary>
    private double[] ScoreAll(PointSet points)
    {
        var means = new double[points.Count];
        var errors = new double[points.Count];
        model.Predict(points, means);
        model.StandardError(points, errors);
        var scores = new double[points.Count];
        var logFeasibility = feasibility?.Log(points);
        for (int i = 0; i < points.Count; i++)
            scores[i] = Penalised(points[i], means[i], errors[i]) + (logFeasibility?[i] ?? 0);
        return scores;
    }

    /// <summary>
    /// Above <see cref="SparseDimension"/> inputs: the probability min(20/d, 1) with which a local
    /// candidate moves each coordinate (DYCORS's rule, which TuRBO uses too), so that a candidate changes
    /// about 20 coordinates instead of all d, where a step in every direction at once almost never improves.
    /// </summary>
    private static double SparsePerturbation(int dimension) => dimension > SparseDimension ? 20.0 / dimension : 1;

    /// <summary>
    /// The polish in many dimensions, where a Nelder–Mead simplex of d + 1 points barely moves within
    /// its budget: rounds of <see cref="PolishBatch"/> sparse perturbations of the best point so far at
    /// shrinking scales, each round scored as one batch (two triangular solves per point, batched).
    /// </summary>
    private (double[] Point, double Score) PolishSparse(double[] point, double score, CancellationToken cancellationToken)
    {
        int d = context.Dimension;
        double probability = SparsePerturbation(d);
        foreach (double scale in PolishScales)
        {
            for (int round = 0; round < PolishRounds; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = new PointSet(PolishBatch, d);
                for (int k = 0; k < PolishBatch; k++)
                    PerturbSome(batch[k], point, scale, probability);
                var scores = ScoreAll(batch);
                int best = Array.IndexOf(scores, scores.Max());
                if (scores[best] > score)
                {
                    score = scores[best];
                    point = batch[best].ToArray();
                }
            }
        }
        return (point, score);
    }

    /// <summary>The centre with each coordinate perturbed with probability <paramref name="probability"/>, at least one.</summary>
    private void PerturbSome(Span<double> target, ReadOnlySpan<double> centre, double scale, double probability)
    {
        centre.CopyTo(target);
        bool moved = false;
        for (int j = 0; j < target.Length; j++)
        {
            if (context.Random.NextDouble() < probability)
            {
                target[j] = context.Space.Perturb(j, centre[j], scale, context.Random);
                moved = true;
            }
        }
        if (!moved)
        {
            int j = context.Random.NextInt(target.Length);
            target[j] = context.Space.Perturb(j, centre[j], scale, context.Random);
        }
    }

    private (double[] Point, double Score) PolishMixed(double[] point, double score, CancellationToken cancellationToken)
    {
        var space = context.Space;
        int[] continuous = space.ContinuousIndices;
        for (int round = 0; round < MixedRounds; round++)
        {
            if (continuous.Length > 0)
            {
                var fixedPoint = point;
                var full = new double[point.Length];
                double Objective(ReadOnlySpan<double> x)
                {
                    fixedPoint.CopyTo(full, 0);
                    for (int k = 0; k < continuous.Length; k++)
                        full[continuous[k]] = x[k];
                    return -Score(full);
                }
                var result = NelderMead.Minimize(Objective, continuous.Select(j => point[j]).ToArray(), PolishOptions(continuous), cancellationToken);
                if (-result.Minimum > score)
                {
                    point = (double[])point.Clone();
                    for (int k = 0; k < continuous.Length; k++)
                        point[continuous[k]] = result.Minimizer[k];
                    score = -result.Minimum;
                }
            }
            bool moved = false;
            foreach (int j in space.DiscreteIndices)
            {
                foreach (double value in space.Neighbours(j, point[j]).ToArray())
                {
                    var neighbour = (double[])point.Clone();
                    neighbour[j] = value;
                    double neighbourScore = Score(neighbour);
                    if (neighbourScore > score)
                    {
                        (point, score, moved) = (neighbour, neighbourScore, true);
                        break;
                    }
                }
            }
            if (!moved)
                break;
        }
        return (point, score);
    }

    private PointSet Candidates(TrainingSet data)
    {
        int d = context.Dimension;
        int global = Math.Clamp(200 * d, 500, 2000);
        var sobol = context.Space.Candidates(global, context.Random.NextUInt64());

        // With noisy values the lowest observations are mostly lucky draws: the centres are then the
        // points of lowest posterior mean, where the model believes the minimum is.
        var ranking = data.Values;
        if (noisy)
        {
            ranking = new double[data.Count];
            model.Predict(data.Points, ranking);
        }
        var best = Enumerable.Range(0, data.Count).OrderBy(i => ranking[i]).Take(BestPointsPerturbed).ToArray();
        double probability = SparsePerturbation(d);
        int local = best.Length * PerturbationScales.Length * PerturbationsPerScale;
        var candidates = new PointSet(global + local, d);
        sobol.Data.CopyTo(candidates.Data);
        int row = global;
        foreach (int i in best)
        {
            foreach (double scale in PerturbationScales)
            {
                for (int k = 0; k < PerturbationsPerScale; k++, row++)
                {
                    var target = candidates[row];
                    if (probability < 1)
                    {
                        PerturbSome(target, data.Points[i], scale, probability);
                        continue;
                    }
                    for (int j = 0; j < d; j++)
                        target[j] = context.Space.Perturb(j, data.Points[i][j], scale, context.Random);
                }
            }
        }
        return candidates;
    }

    /// <param name="coordinates">The coordinates searched (all when null).</param>
    private NelderMeadOptions PolishOptions(int[]? coordinates = null)
    {
        coordinates ??= Enumerable.Range(0, context.Dimension).ToArray();
        var lower = coordinates.Select(j => context.Box.Lower[j]).ToArray();
        var upper = coordinates.Select(j => context.Box.Upper[j]).ToArray();
        var widths = lower.Zip(upper, (l, u) => u - l).ToArray();
        return new NelderMeadOptions
        {
            LowerBounds = lower,
            UpperBounds = upper,
            InitialSteps = widths.Select(w => 0.02 * w).ToArray(),
            MaxEvaluations = 30 * (coordinates.Length + 1),
            PointTolerance = 1e-5 * widths.Min(),
            ValueTolerance = 1e-9,
        };
    }

    private double Score(ReadOnlySpan<double> point)
    {
        Predict(point);
        double score = Penalised(point, _mean[0], _error[0]);
        return feasibility is null || score == double.NegativeInfinity ? score : score + LogFeasibility(point);
    }

    private double LogFeasibility(ReadOnlySpan<double> point)
    {
        point.CopyTo(_single[0]);
        return feasibility!.Log(_single)[0];
    }

    private double Penalised(ReadOnlySpan<double> point, double mean, double error)
    {
        if (!double.IsFinite(mean) || !double.IsFinite(error) || !context.Occupied.IsFree(point))
            return double.NegativeInfinity;
        double score = acquisition.Score(mean, error);
        return double.IsNaN(score) ? double.NegativeInfinity : acquisition.Penalise(score, context.Penalty.At(point));
    }

    private void Predict(ReadOnlySpan<double> point)
    {
        point.CopyTo(_single[0]);
        model.Predict(_single, _mean);
        model.StandardError(_single, _error);
    }
}
