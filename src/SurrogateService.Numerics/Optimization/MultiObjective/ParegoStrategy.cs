using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// ParEGO (Knowles 2006): for every suggestion a fresh random weight vector λ, the objectives
/// scalarised by the augmented Chebyshev function (see <see cref="AugmentedChebyshev"/>), one Kriging
/// model of the scalarised values and expected improvement on it. Each point of a batch has its own λ;
/// the batch's earlier points join its data with the model's own prediction (kriging believer).
/// </summary>
internal sealed class ParegoStrategy : MultiObjectiveStrategy
{
    public override string Name => "parego";

    public override string Description =>
        "ParEGO (Knowles 2006): per suggested point a random weight vector λ (uniform on the simplex lattice of step 1/100), the objectives " +
        "normalised between the ideal and nadir of the current Pareto front and scalarised by max_k λ_k f_k + 0.05·Σ_k λ_k f_k, one Kriging model of that (θ kept between calls, searched again after refitEvery new evaluations) and " +
        "expected improvement on it; 2 to 4 objectives. Earlier points of a batch enter with the model's prediction (kriging believer).";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        StrategyOptions.XiSpec,
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    public override IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateRules(state)
            .Common(Name)
            .KrigingTheta("theta", state.Theta, dimension)
            .NoRadialBasisFields(Name)
            .Absent("objectiveThetas", state.ObjectiveThetas, Name)
            .Problems;
    }

    /// <remarks>
    /// The scalarised function changes with λ, but θ measures how fast the objectives vary along each
    /// input, which the normalised scalarisations share: so θ travels in the state and is searched
    /// again, from itself and the heuristic θ, after refitEvery new evaluations, as for ei. The batch's
    /// later points keep the θ of its first.
    /// </remarks>
    private protected override OptimizerState ChooseBatch(SuggestionContext context, ObjectiveData data, double[] reference, CancellationToken cancellationToken)
    {
        var request = context.Request;
        double xi = request.Options.Number(StrategyOptions.Xi);
        double[]? theta = request.State?.Theta;
        bool search = SearchTheta(request, data.Count);
        int? thetaPoints = request.State?.ThetaPoints;
        var pending = new List<double[]>();
        for (int j = 0; j < context.BatchSize; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scalarisation = new AugmentedChebyshev(AugmentedChebyshev.RandomWeights(context.Random, request.ObjectiveCount), data.FrontValues);
            var set = new TrainingSet(data.Points, data.Rows.Select(r => scalarisation.Value(r)).ToArray(), request.Box);
            var (model, isChosen) = SurrogateFitter.Fit(set, request.Surrogate, theta, (j == 0 && search) || theta is null, context.Warnings, context.Space, cancellationToken);
            if (isChosen && model is KrigingModel kriging && (theta is null || (j == 0 && search)))
            {
                theta = kriging.Theta.ToArray();
                thetaPoints = data.Count;
            }
            foreach (var earlier in pending)
            {
                if (model is null)
                    break;
                set = set.Append(earlier, model.PredictAt(earlier));
                model = SurrogateFitter.Refit(set, request.Surrogate, model, context.Space, cancellationToken);
            }
            var chosen = model is null
                ? null
                : new AcquisitionMaximiser(model, new ExpectedImprovementAcquisition(set.Values.Min(), xi), context).Maximise(set, cancellationToken);
            if (chosen is not var (point, value))
            {
                context.Warnings.Add("No model of the scalarised objectives could be used, or every candidate broke the distance rule: a space-filling point was suggested.");
                context.AcceptSpaceFilling(j);
                continue;
            }
            context.Accept(j, point, value);
            pending.Add(point);
        }
        return new OptimizerState
        {
            Strategy = Name,
            Iteration = context.Iteration + 1,
            Theta = theta,
            ThetaPoints = theta is null ? null : thetaPoints ?? data.Count,
        };
    }
}
