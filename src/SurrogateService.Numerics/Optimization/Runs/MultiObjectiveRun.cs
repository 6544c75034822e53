using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;

namespace SurrogateService.Numerics.Optimization;

/// <summary>One evaluation of a multi-objective run: the point, its objective values (NaN where it failed) and the hypervolume of everything evaluated so far.</summary>
public sealed record MultiObjectiveTraceEntry(double[] Point, double[] Values, double Hypervolume);

/// <summary>Progress of a multi-objective run after each evaluation.</summary>
public sealed record MultiObjectiveRunProgress(int Evaluations, int MaxEvaluations, MultiObjectiveTraceEntry Latest);

/// <summary>The trace of a multi-objective run, the Pareto front of all its evaluations with its hypervolume, and the warnings met on the way.</summary>
public sealed record MultiObjectiveRunResult(IReadOnlyList<MultiObjectiveTraceEntry> Trace, ParetoFront Front, IReadOnlyList<string> Warnings)
{
    public int Evaluations => Trace.Count;
}

/// <summary>
/// A whole multi-objective optimisation of a problem the service can evaluate itself: the initial
/// plan, then ask–tell rounds (ehvi or parego) as a client would run them, until the budget is spent.
/// The hypervolume is reported for a fixed reference point (the problem's, from the literature, or the
/// caller's) after every evaluation, so it never decreases. The strategy aims at that same hypervolume:
/// it is given the reference point whenever every point of the current front is strictly better than it
/// in every objective (as ask–tell demands of a client's reference point); while some front point is
/// not, it derives its own from the front (see <see cref="ReferencePoint.Derive"/>).
/// </summary>
public static class MultiObjectiveRun
{
    /// <param name="evaluate">Writes the objectives at a point, noise-free; a non-finite value marks a failed evaluation.</param>
    /// <param name="referencePoint">The reference point of the reported hypervolume, one value per objective.</param>
    public static MultiObjectiveRunResult Minimize(
        Action<ReadOnlySpan<double>, Span<double>> evaluate, int objectiveCount, Box box, RunSettings settings, double[] referencePoint,
        IProgress<MultiObjectiveRunProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Minimize(evaluate, objectiveCount, box, settings, referencePoint, progress, resumeFrom: null, checkpoint: null, cancellationToken);

    /// <param name="evaluate">Writes the objectives at a point, noise-free; a non-finite value marks a failed evaluation.</param>
    /// <param name="referencePoint">The reference point of the reported hypervolume, one value per objective.</param>
    /// <param name="progress">Told after every evaluation made in this call (not those of <paramref name="resumeFrom"/>).</param>
    /// <param name="resumeFrom">A checkpoint of an earlier call with the same problem, box, settings and reference point; its evaluations are not repeated.</param>
    /// <param name="checkpoint">Told after the initial plan and after every round, before the next one starts.</param>
    public static MultiObjectiveRunResult Minimize(
        Action<ReadOnlySpan<double>, Span<double>> evaluate, int objectiveCount, Box box, RunSettings settings, double[] referencePoint,
        IProgress<MultiObjectiveRunProgress>? progress, MultiObjectiveRunCheckpoint? resumeFrom, Action<MultiObjectiveRunCheckpoint>? checkpoint,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(referencePoint);
        OptimizationRun.CheckSettings(settings);
        if (objectiveCount < SuggestionRequest.MinObjectives || objectiveCount > SuggestionRequest.MaxObjectives || referencePoint.Length != objectiveCount)
            throw new ArgumentException("A multi-objective run needs 2 to 4 objectives and one reference value per objective.", nameof(objectiveCount));
        var noise = new DeterministicRandom(settings.Seed ^ OptimizationRun.NoiseStream);

        var trace = new List<MultiObjectiveTraceEntry>(settings.MaxEvaluations);
        var points = new List<double[]>(settings.MaxEvaluations);
        var rows = new List<double[]>(settings.MaxEvaluations);
        var successful = new List<double[]>();
        void Evaluate(double[] point)
        {
            var values = new double[objectiveCount];
            evaluate(point, values);
            for (int k = 0; k < values.Length; k++)
            {
                if (settings.Noise > 0)
                    values[k] += settings.Noise * noise.NextGaussian();
                if (!double.IsFinite(values[k]))
                    values[k] = double.NaN;
            }
            Record(point, values, Hypervolume.Of(Successful(values), referencePoint));
            progress?.Report(new MultiObjectiveRunProgress(trace.Count, settings.MaxEvaluations, trace[^1]));
        }
        List<double[]> Successful(double[] values)
        {
            if (!Array.Exists(values, double.IsNaN))
                successful.Add(values);
            return successful;
        }
        void Record(double[] point, double[] values, double hypervolume)
        {
            points.Add(point);
            rows.Add(values);
            trace.Add(new MultiObjectiveTraceEntry(point, values, hypervolume));
        }

        var warnings = new List<string>();
        OptimizerState? state = null;
        void Checkpoint() => checkpoint?.Invoke(new MultiObjectiveRunCheckpoint(
            [.. points], [.. rows], [.. trace.Select(entry => entry.Hypervolume)], state, [.. warnings]));
        if (resumeFrom is null)
        {
            var initial = OptimizationRun.InitialPlan(new VariableSpace(box, settings.Variables), settings);
            for (int i = 0; i < initial.Count; i++)
                Evaluate(initial[i].ToArray());
            Checkpoint();
        }
        else
        {
            resumeFrom.CheckBelongsTo(settings, objectiveCount);
            for (int i = 0; i < resumeFrom.Evaluations; i++)
            {
                // The noise stream moves on by the draws the evaluation took, one per objective.
                for (int k = 0; settings.Noise > 0 && k < objectiveCount; k++)
                    noise.NextGaussian();
                Successful(resumeFrom.Values[i]);
                Record(resumeFrom.Points[i], resumeFrom.Values[i], resumeFrom.Hypervolumes[i]);
            }
            state = resumeFrom.State;
            warnings.AddRange(resumeFrom.Warnings);
        }

        while (trace.Count < settings.MaxEvaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int batch = Math.Min(settings.BatchSize, settings.MaxEvaluations - trace.Count);
            var front = ParetoDominance.NondominatedIndices(successful).Select(i => successful[i]).ToArray();
            var aim = ReferencePoint.FirstNotBounded(front, referencePoint) < 0 ? referencePoint : null;
            var request = SuggestionRequest.WithObjectives(box, PointSet.FromRows(points), [.. rows], batch, settings.Seed, state, settings.StrategyOptions, settings.Surrogate, aim);
            var suggestion = settings.Strategy.Suggest(request, cancellationToken);
            for (int i = 0; i < suggestion.Points.Count; i++)
                Evaluate(suggestion.Points[i].ToArray());
            state = suggestion.State;
            warnings.AddRange(suggestion.Warnings.Where(w => !warnings.Contains(w)));
            Checkpoint();
        }
        return new MultiObjectiveRunResult(trace, Front(points, rows, referencePoint), warnings);
    }

    private static ParetoFront Front(List<double[]> points, List<double[]> rows, double[] reference)
    {
        var succeeded = Enumerable.Range(0, rows.Count).Where(i => !Array.Exists(rows[i], double.IsNaN)).ToArray();
        var values = succeeded.Select(i => rows[i]).ToArray();
        var front = ParetoDominance.NondominatedIndices(values);
        var frontPoints = front.Length == 0 ? new PointSet(0, points[0].Length) : PointSet.FromRows(front.Select(i => points[succeeded[i]]).ToArray());
        var frontValues = front.Select(i => values[i]).ToArray();
        return new ParetoFront(frontPoints, frontValues, reference, false, Hypervolume.Of(frontValues, reference));
    }
}
