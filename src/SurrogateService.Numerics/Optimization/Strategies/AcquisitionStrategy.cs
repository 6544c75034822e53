using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Strategies that maximise an acquisition of a Gaussian prediction (ei, lcb) on Kriging with
/// maximum-likelihood hyperparameters. A batch is built one point at a time: each chosen point
/// joins the data with a pretend value (constant liar or kriging believer) and the model is
/// refitted with its hyperparameters kept, which pushes the next point elsewhere.
/// </summary>
/// <remarks>
/// The state carries the iteration, the incumbent value, θ and the number of successful points it
/// was searched on. The first call searches the likelihood in full; later calls keep θ until
/// refitEvery new successful evaluations have arrived, then search again from it and from the
/// heuristic θ (two starts instead of the multi-start, see <see cref="KrigingWarmStart"/>): that is
/// what keeps a suggestion fast as data grow.
/// </remarks>
internal abstract class AcquisitionStrategy : IOptimizationStrategy
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    public SurrogateChoice DefaultSurrogate { get; } = SurrogateChoice.Of("kriging");

    public bool NeedsStandardError => true;

    public virtual bool SupportsConstraints => false;

    public IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateRules(state)
            .Common(Name)
            .KrigingTheta("theta", state.Theta, dimension)
            .NoRadialBasisFields(Name)
            .Absent("objectiveThetas", state.ObjectiveThetas, Name)
            .Problems;
    }

    public Suggestion Suggest(SuggestionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Surrogate.Kind.HasStandardError)
            throw new ArgumentException($"{Name} needs a surrogate with a standard error; {request.Surrogate.Kind.Name} has none.", nameof(request));
        var context = new SuggestionContext(this, request);
        var data = context.Known.Training;
        int successful = data?.Count ?? 0;
        int? searchedOn = request.State?.ThetaPoints;
        bool search = searchedOn is not int last || successful < last || successful - last >= request.Options.Integer(StrategyOptions.RefitEvery);
        var space = context.Space;
        var (model, isChosen) = SurrogateFitter.Fit(data, request.Surrogate, request.State?.Theta, search, context.Warnings, space, cancellationToken);
        var kriging = isChosen ? EncodedModel.KrigingOf(model) : null;
        double[]? theta = kriging is not null ? kriging.Theta.ToArray() : request.State?.Theta;
        int? thetaPoints = kriging is not null && search ? successful : searchedOn;

        var feasibility = model is null ? null : FitConstraints(context, cancellationToken);
        // With constraints and no feasible point yet, the probability of feasibility alone chooses.
        bool seekFeasibility = feasibility is not null && context.Known.Incumbent is null;
        double best = context.Known.Incumbent?.Value ?? 0;
        double noiseVariance = 0;
        if (PosteriorIncumbent.NoiseVariance(kriging) is double tau2 && data is not null)
        {
            var eligible = FeasibleRows(context.Known);
            context.Incumbent = PosteriorIncumbent.BestMean(model!, data, eligible);
            best = context.Incumbent?.Value ?? best;
            noiseVariance = tau2;
        }
        double lie = data is null ? 0 : ConstantLie(request.Options.Text(StrategyOptions.Liar), data.Values);
        for (int j = 0; j < context.BatchSize; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chosen = model is null || data is null
                ? null
                : new AcquisitionMaximiser(model, seekFeasibility ? new FeasibilitySearchAcquisition() : CreateAcquisition(request.Options, best, data, noiseVariance), context, feasibility, noisy: noiseVariance > 0)
                    .Maximise(data, cancellationToken);
            if (chosen is not var (point, value))
            {
                if (model is not null)
                    context.Warnings.Add("Every candidate broke the distance rule: a space-filling point was suggested.");
                context.AcceptSpaceFilling(j);
                continue;
            }
            context.Accept(j, point, value);
            if (j + 1 < context.BatchSize)
            {
                double pretend = request.Options.Text(StrategyOptions.Liar) == StrategyOptions.LiarBeliever ? model!.PredictAt(point) : lie;
                data = data!.Append(point, pretend);
                best = Math.Min(best, pretend);
                model = SurrogateFitter.Refit(data, request.Surrogate, model!, space, cancellationToken);
                if (model is null)
                    context.Warnings.Add("The surrogate could not be refitted with the pending points of the batch: the rest of the batch is space-filling.");
            }
        }
        return context.Finish(new OptimizerState
        {
            Strategy = Name,
            Iteration = context.Iteration + 1,
            BestValue = context.Incumbent?.Value,
            Theta = theta,
            ThetaPoints = theta is null ? null : thetaPoints ?? successful,
        });
    }

    /// <summary>
    /// One surrogate per constraint, each searched afresh (their hyperparameters do not travel in the
    /// state); null without constraints, or with a warning when one cannot be modelled. Within a batch
    /// the constraint models stay as fitted: the distance rule and the objective's lie spread the batch.
    /// </summary>
    private static ProbabilityOfFeasibility? FitConstraints(SuggestionContext context, CancellationToken cancellationToken)
    {
        if (context.Known.ConstraintTraining is not { } sets)
            return null;
        var models = new List<ISurrogateModel>(sets.Length);
        foreach (var set in sets)
        {
            var (model, _) = SurrogateFitter.Fit(set, context.Request.Surrogate, null, true, context.Warnings, context.Space, cancellationToken);
            if (model is null)
            {
                context.Warnings.Add("A constraint could not be modelled: this suggestion ignores the constraints.");
                return null;
            }
            models.Add(model);
        }
        return new ProbabilityOfFeasibility(models);
    }

    /// <summary>With constraints, whether each training row satisfies them all; null without constraints.</summary>
    private static bool[]? FeasibleRows(KnownData known) =>
        known.ConstraintTraining is not { } sets
            ? null
            : Enumerable.Range(0, known.Training!.Count).Select(r => Array.TrueForAll(sets, set => set.Values[r] <= 0)).ToArray();

    /// <summary>
    /// The acquisition for the current best value (which a lie may have lowered) and data; with a noisy
    /// surrogate <paramref name="best"/> is a posterior mean and <paramref name="noiseVariance"/> τ² &gt; 0 (else 0).
    /// </summary>
    private protected abstract Acquisition CreateAcquisition(OptionValues options, double best, TrainingSet data, double noiseVariance);

    /// <summary>max − min of the values, or 1 when they are all equal: the scale of a failure penalty.</summary>
    private protected static double Spread(double[] values)
    {
        double spread = values.Max() - values.Min();
        return spread > 0 ? spread : 1;
    }

    private static double ConstantLie(string? liar, double[] values) => liar switch
    {
        StrategyOptions.LiarMax => values.Max(),
        StrategyOptions.LiarMean => values.Average(),
        _ => values.Min(),
    };
}
