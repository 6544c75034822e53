using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Stochastic response-surface search (Regis &amp; Shoemaker 2007, 2013): candidates are Gaussian
/// perturbations of the incumbent with step σ (see <see cref="StepSizeControl"/>), and the one
/// with the lowest merit w·V_S + (1 − w)·V_D is chosen, where V_S is the surrogate value and V_D
/// the closeness to the known points, both scaled to [0, 1] over the candidates, and w cycles
/// through [0.3, 0.5, 0.7, 0.95] from exploration to exploitation. A batch takes the next weights
/// in turn, each choice counting as known for the distances of the next.
/// </summary>
/// <remarks>The failure penalty π ∈ [0, 1] is added to the merit, so near a failed point a candidate loses as if it were the worst one.</remarks>
internal abstract class StochasticRadialBasisStrategy : IOptimizationStrategy
{
    private static readonly double[] Weights = [0.3, 0.5, 0.7, 0.95];

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    public SurrogateChoice DefaultSurrogate { get; } =
        SurrogateChoice.Of("radialBasis", new Dictionary<string, object> { ["kernel"] = "cubic", ["degree"] = 1 });

    public bool NeedsStandardError => false;

    public bool SupportsConstraints => false;

    public IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateRules(state)
            .Common(Name)
            .Within("stepSize", state.StepSize, 0, StepSizeControl.Maximum)
            .Count("successes", state.Successes)
            .Count("failures", state.Failures)
            .Count("cycleIndex", state.CycleIndex)
            .Count("initialPoints", state.InitialPoints, minimum: 1)
            .Absent("theta", state.Theta, Name)
            .Absent("thetaPoints", state.ThetaPoints, Name)
            .Absent("objectiveThetas", state.ObjectiveThetas, Name)
            .Problems;
    }

    public Suggestion Suggest(SuggestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new SuggestionContext(this, request);
        var previous = request.State ?? new OptimizerState
        {
            Strategy = Name,
            StepSize = StepSizeControl.Initial,
            Successes = 0,
            Failures = 0,
            CycleIndex = 0,
            InitialPoints = Math.Max(1, request.Points.Count),
        };
        var (sigma, successes, failures) = StepSizeControl.Update(previous, context.Known.Incumbent, context.Dimension, context.BatchSize, context.Warnings);
        int cycle = previous.CycleIndex!.Value;

        var (model, _) = SurrogateFitter.Fit(context.Known.Training, request.Surrogate, null, false, context.Warnings, context.Space, cancellationToken);
        if (model is null || context.Known.Incumbent is not { } incumbent)
        {
            for (int j = 0; j < context.BatchSize; j++)
                context.AcceptSpaceFilling(j);
        }
        else
        {
            double probability = PerturbationProbability(context.Dimension, request.Points.Count - previous.InitialPoints!.Value + 1, Budget(request) - previous.InitialPoints.Value);
            for (int j = 0, attempt = 0; j < context.BatchSize; attempt++)
            {
                // Late in a search the whole cloud of candidates can fall inside the minimum distance
                // of known points: widen the step for this call before giving up on the model.
                double step = sigma * Math.Pow(2, attempt);
                if (attempt > 0 && step > 2 * StepSizeControl.Maximum)
                {
                    context.Warnings.Add("Every candidate broke the distance rule: a space-filling point was suggested.");
                    context.AcceptSpaceFilling(j++);
                    continue;
                }
                var candidates = Perturbations(incumbent.Point, step, probability, context);
                j = ChooseByMerit(candidates, model, cycle, j, context, cancellationToken);
            }
        }
        return context.Finish(new OptimizerState
        {
            Strategy = Name,
            Iteration = context.Iteration + 1,
            BestValue = context.Known.Incumbent?.Value,
            StepSize = sigma,
            Successes = successes,
            Failures = failures,
            CycleIndex = (cycle + context.BatchSize) % Weights.Length,
            InitialPoints = previous.InitialPoints,
        });
    }

    /// <summary>The probability that a candidate perturbs a given coordinate (at least one always is).</summary>
    /// <param name="evaluationsSinceStart">k: evaluations since the first call, plus one.</param>
    /// <param name="adaptiveBudget">The budget left after the points known at the first call.</param>
    private protected abstract double PerturbationProbability(int dimension, int evaluationsSinceStart, int adaptiveBudget);

    /// <summary>The budget N: the option, or 100·d when it is 0.</summary>
    private protected virtual int Budget(SuggestionRequest request) => 100 * request.Box.Dimension;

    private static PointSet Perturbations(double[] center, double sigma, double probability, SuggestionContext context)
    {
        int d = context.Dimension;
        int count = Math.Clamp(100 * d, 500, 5000);
        var space = context.Space;
        var random = context.Random;
        var candidates = new PointSet(count, d);
        for (int i = 0; i < count; i++)
        {
            var row = candidates[i];
            center.CopyTo(row);
            bool any = false;
            for (int j = 0; j < d; j++)
            {
                if (probability >= 1 || random.NextDouble() < probability)
                {
                    row[j] = space.Perturb(j, center[j], sigma, random);
                    any = true;
                }
            }
            if (!any)
            {
                int j = random.NextInt(d);
                row[j] = space.Perturb(j, center[j], sigma, random);
            }
        }
        return candidates;
    }

    /// <summary>Fills the batch from point <paramref name="first"/> on by lowest merit; returns the index of the first point it could not fill.</summary>
    private static int ChooseByMerit(PointSet candidates, ISurrogateModel model, int cycle, int first, SuggestionContext context, CancellationToken cancellationToken)
    {
        int count = candidates.Count;
        var values = new double[count];
        model.Predict(candidates, values);
        var distances = new double[count];
        var penalties = new double[count];
        for (int i = 0; i < count; i++)
        {
            distances[i] = Math.Sqrt(context.Occupied.NearestSquaredDistance(candidates[i]));
            penalties[i] = context.Penalty.At(candidates[i]);
        }
        double tolerance = context.Occupied.Tolerance;
        for (int j = first; j < context.BatchSize; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double weight = Weights[(cycle + j) % Weights.Length];
            int pick = LowestMerit(values, distances, penalties, tolerance, weight, out double merit);
            if (pick < 0)
                return j;
            context.Accept(j, candidates[pick], merit);
            for (int i = 0; i < count; i++)
                distances[i] = Math.Min(distances[i], Math.Sqrt(context.Space.SquaredDistance(candidates[i], candidates[pick])));
        }
        return context.BatchSize;
    }

    /// <summary>The admissible candidate of lowest merit (−1 if none), and its merit without the penalty.</summary>
    private static int LowestMerit(double[] values, double[] distances, double[] penalties, double tolerance, double weight, out double merit)
    {
        double minValue = double.PositiveInfinity, maxValue = double.NegativeInfinity;
        double minDistance = double.PositiveInfinity, maxDistance = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (!IsAdmissible(values[i], distances[i], tolerance))
                continue;
            minValue = Math.Min(minValue, values[i]);
            maxValue = Math.Max(maxValue, values[i]);
            minDistance = Math.Min(minDistance, distances[i]);
            maxDistance = Math.Max(maxDistance, distances[i]);
        }
        int best = -1;
        double bestScore = double.PositiveInfinity;
        merit = double.NaN;
        for (int i = 0; i < values.Length; i++)
        {
            if (!IsAdmissible(values[i], distances[i], tolerance))
                continue;
            double valueScore = maxValue > minValue ? (values[i] - minValue) / (maxValue - minValue) : 1;
            double distanceScore = maxDistance > minDistance ? (maxDistance - distances[i]) / (maxDistance - minDistance) : 1;
            double m = weight * valueScore + (1 - weight) * distanceScore;
            if (m + penalties[i] < bestScore)
            {
                bestScore = m + penalties[i];
                best = i;
                merit = m;
            }
        }
        return best;
    }

    private static bool IsAdmissible(double value, double distance, double tolerance) => double.IsFinite(value) && distance >= tolerance;
}
