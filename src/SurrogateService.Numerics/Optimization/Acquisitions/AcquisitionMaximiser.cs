using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Maximises an acquisition over the box: scores a scrambled Sobol' set (global) and Gaussian
/// perturbations of the best evaluated points at three scales (local, where EI's peaks usually
/// are), then polishes the best few by bounded Nelder–Mead. Points breaking the distance rule
/// score −∞ throughout. With constraints, the score adds ln PoF (see <see cref="ProbabilityOfFeasibility"/>)
/// and the reported acquisition is multiplied by PoF.
/// </summary>
internal sealed class AcquisitionMaximiser(ISurrogateModel model, Acquisition acquisition, SuggestionContext context, ProbabilityOfFeasibility? feasibility = null)
{
    private const int Polished = 2;

    private readonly PointSet _single = new(1, context.Dimension);
    private readonly double[] _mean = new double[1];
    private readonly double[] _error = new double[1];

    /// <summary>The best point and its reported acquisition, or null when every candidate breaks the distance rule.</summary>
    public (double[] Point, double Acquisition)? Maximise(TrainingSet data, CancellationToken cancellationToken)
    {
        var candidates = Candidates(data);
        var means = new double[candidates.Count];
        var errors = new double[candidates.Count];
        model.Predict(candidates, means);
        model.StandardError(candidates, errors);
        var scores = new double[candidates.Count];
        var logFeasibility = feasibility?.Log(candidates);
        for (int i = 0; i < candidates.Count; i++)
            scores[i] = Penalised(candidates[i], means[i], errors[i]) + (logFeasibility?[i] ?? 0);

        var order = Enumerable.Range(0, candidates.Count).Where(i => scores[i] > double.NegativeInfinity).OrderByDescending(i => scores[i]).ToArray();
        if (order.Length == 0)
            return null;

        double[] bestPoint = candidates[order[0]].ToArray();
        double bestScore = scores[order[0]];
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
        Predict(bestPoint);
        double reported = acquisition.Report(_mean[0], _error[0]);
        return (bestPoint, feasibility is null ? reported : reported * Math.Exp(LogFeasibility(bestPoint)));
    }

    /// <summary>Sobol' points and perturbations of the best evaluated points.</summary>
    private PointSet Candidates(TrainingSet data)
    {
        var best = Enumerable.Range(0, data.Count).OrderBy(i => data.Values[i]).Take(CandidateSearch.CentresPerturbed)
            .Select(i => data.Points[i].ToArray()).ToArray();
        return CandidateSearch.Candidates(context, best);
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
