using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// TuRBO-1 (Eriksson et al., NeurIPS 2019): a Kriging model of the current local run's points, a
/// trust region around the run's best point that grows after successes and shrinks after failures
/// (<see cref="TrustRegionState"/>), and a batch by Thompson sampling on perturbed Sobol' candidates
/// in it (<see cref="TrustRegionCandidates"/>, <see cref="ThompsonSampling"/>). When the region
/// collapses the run restarts: space-filling points until the new run has its own initial design,
/// then a new region around the new run's best.
/// </summary>
/// <remarks>
/// The state's stepSize is L, successes and failures count consecutive batches, initialPoints is the
/// index of the run's first point in the request's list (clients append new points at the end, as
/// runs do), and θ warm-starts the likelihood search as in ei (searched again every refitEvery
/// successful evaluations). Continuous variables only: the region and the perturbations are boxes.
/// </remarks>
internal sealed class TurboStrategy : IOptimizationStrategy
{
    public string Name => "turbo";

    public string Description =>
        "TuRBO-1 (Eriksson et al. 2019): Kriging (Matérn 5/2, θ fitted, the dimension-scaled prior above 20 inputs) of the current " +
        "local run, a trust region around its best point with edges L·(length-scales normalised to geometric mean 1), L doubling after " +
        "3 successful batches and halving after ⌈max(4, d)/q⌉ failed ones, restarting with a space-filling design when L < 0.5⁷; each " +
        "batch point minimises one joint posterior draw (Thompson sampling) over up to 5 000 Sobol' candidates that perturb about " +
        "20 coordinates of the centre. For many inputs and long campaigns; continuous variables only.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    public SurrogateChoice DefaultSurrogate { get; } = SurrogateChoice.Of("kriging", new Dictionary<string, object> { ["kernel"] = "matern52" });

    public bool NeedsStandardError => true;

    public bool SupportsConstraints => false;

    public bool SupportsDiscreteVariables => false;

    public IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateRules(state)
            .Common(Name)
            .Within("stepSize", state.StepSize, 0, TrustRegionState.MaxLength)
            .Count("successes", state.Successes)
            .Count("failures", state.Failures)
            .Count("initialPoints", state.InitialPoints)
            .KrigingTheta("theta", state.Theta, dimension)
            .Absent("cycleIndex", state.CycleIndex, Name)
            .Absent("objectiveThetas", state.ObjectiveThetas, Name)
            .Problems;
    }

    public IReadOnlyList<StateProblem> CheckStatePoints(OptimizerState state, int pointCount)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.InitialPoints > pointCount
            ? [new StateProblem("initialPoints", $"The local run started at point {state.InitialPoints}, but only {pointCount} points were sent; send every point, in the order evaluated.")]
            : [];
    }

    public Suggestion Suggest(SuggestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Variables is { } variables && variables.Any(v => v.Kind != VariableKind.Continuous))
            throw new ArgumentException("turbo searches a continuous box: integer and categorical variables are not supported.", nameof(request));
        var context = new SuggestionContext(this, request);
        if (request.State is { } given && CheckStatePoints(given, request.Points.Count) is [var problem, ..])
            throw new ArgumentException($"Invalid state: {problem.Field}: {problem.Message}", nameof(request));
        var region = Advance(request, context, out bool restarted);
        var run = RunData(request, region.RunStart);
        double? runBest = run is null ? null : run.Values.Min();
        int successful = run?.Count ?? 0;
        double[]? previousTheta = restarted ? null : request.State?.Theta;
        int? searchedOn = restarted ? null : request.State?.ThetaPoints;

        int designSize = RestartDesignSize(context.Dimension, context.BatchSize);
        bool exploring = run is null || (region.RunStart > 0 && successful < designSize) || successful < 2;
        double[]? theta = previousTheta;
        int? thetaPoints = searchedOn;
        if (exploring)
        {
            for (int j = 0; j < context.BatchSize; j++)
                context.AcceptSpaceFilling(j);
        }
        else
        {
            bool search = searchedOn is not int last || successful < last || successful - last >= request.Options.Integer(StrategyOptions.RefitEvery);
            var (model, isChosen) = SurrogateFitter.Fit(run, request.Surrogate, previousTheta, search, context.Warnings, context.Space, cancellationToken);
            var kriging = isChosen ? EncodedModel.KrigingOf(model) : null;
            if (kriging is not null)
            {
                theta = kriging.Theta.ToArray();
                thetaPoints = search ? successful : searchedOn;
            }
            ChooseBatch(context, kriging, run!, region.Length);
        }
        return context.Finish(new OptimizerState
        {
            Strategy = Name,
            Iteration = context.Iteration + 1,
            BestValue = runBest,
            StepSize = region.Length,
            Successes = region.Successes,
            Failures = region.Failures,
            InitialPoints = region.RunStart,
            Theta = theta,
            ThetaPoints = theta is null ? null : thetaPoints ?? successful,
        });
    }

    /// <summary>The region after the batch the previous call suggested: fresh on the first call, else updated by the run's new best.</summary>
    private static TrustRegionState Advance(SuggestionRequest request, SuggestionContext context, out bool restarted)
    {
        restarted = false;
        if (request.State is not { } state)
            return TrustRegionState.Fresh(0);
        var region = new TrustRegionState(state.StepSize!.Value, state.Successes!.Value, state.Failures!.Value, state.InitialPoints!.Value);
        var run = RunData(request, region.RunStart);
        if (state.BestValue is not double previousBest || run is null)
            return region;
        var next = region.After(previousBest, run.Values.Min(), context.Dimension, context.BatchSize, request.Points.Count, out restarted);
        if (restarted)
            context.Warnings.Add("The trust region collapsed (L < 0.5⁷): a new local run starts with space-filling points.");
        return next;
    }

    /// <summary>A new run's own initial design: max(q, min(2d, 20)) points, the paper's 2d capped for many inputs.</summary>
    private static int RestartDesignSize(int dimension, int batchSize) => Math.Max(batchSize, Math.Min(2 * dimension, 20));

    /// <summary>The run's successful evaluations (points from <paramref name="runStart"/> on), or null when none succeeded.</summary>
    private static TrainingSet? RunData(SuggestionRequest request, int runStart)
    {
        var rows = Enumerable.Range(runStart, request.Points.Count - runStart).Where(i => double.IsFinite(request.Values[i])).ToArray();
        if (rows.Length == 0)
            return null;
        var points = new PointSet(rows.Length, request.Box.Dimension);
        for (int k = 0; k < rows.Length; k++)
            request.Points[rows[k]].CopyTo(points[k]);
        return new TrainingSet(points, rows.Select(i => request.Values[i]).ToArray(), request.Box);
    }

    private static void ChooseBatch(SuggestionContext context, KrigingModel? model, TrainingSet run, double length)
    {
        if (model is null)
        {
            context.Warnings.Add("turbo needs a Kriging model of the run: space-filling points were suggested.");
            for (int k = 0; k < context.BatchSize; k++)
                context.AcceptSpaceFilling(k);
            return;
        }
        int best = Array.IndexOf(run.Values, run.Values.Min());
        var centre = run.Points[best].ToArray();
        var box = context.Box;
        var region = TrustRegionCandidates.Region(box, centre, LengthScales(model, box), length);
        var candidates = TrustRegionCandidates.Draw(region, centre, TrustRegionCandidates.Count(context.Dimension), context.Random);
        var admissible = new bool[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
            admissible[i] = context.Occupied.IsFree(candidates[i]) && context.Penalty.At(candidates[i]) < 0.5;
        var chosen = ThompsonSampling.Choose(model, candidates, i => admissible[i], context.BatchSize, context.Random);
        int j = 0;
        foreach (var (index, sample) in chosen)
        {
            // Two draws can pick points within the distance rule of each other; the later one gives way.
            if (!context.Occupied.IsFree(candidates[index]))
                continue;
            context.Accept(j++, candidates[index], sample);
        }
        if (j < context.BatchSize)
            context.Warnings.Add("Too few candidates of the trust region kept the distance rule: the rest of the batch is space-filling.");
        for (; j < context.BatchSize; j++)
            context.AcceptSpaceFilling(j);
    }

    /// <summary>Length-scales in units of the box's widths: 1/√θ̃ (the Matérn convention; the normalisation makes the constant irrelevant).</summary>
    private static double[] LengthScales(KrigingModel model, Box box)
    {
        int d = box.Dimension;
        var scales = new double[d];
        for (int l = 0; l < d; l++)
        {
            double scaled = model.Theta[l] * Math.Pow(box.Upper[l] - box.Lower[l], model.P[l]);
            scales[l] = Math.Pow(Math.Max(scaled, 1e-300), -1.0 / model.P[l]);
        }
        // Clipping as TuRBO's length-scale bounds do keeps one runaway θ from squashing the box to a line.
        double logMean = scales.Average(Math.Log);
        for (int l = 0; l < d; l++)
            scales[l] = Math.Clamp(scales[l], Math.Exp(logMean) / 100, Math.Exp(logMean) * 100);
        return scales;
    }
}
