using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.MultiObjective;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Numerics.Optimization;

/// <summary>
/// Expected hypervolume improvement (Emmerich et al. 2006) with one independent Kriging model per
/// objective: exact in two objectives (see <see cref="ExpectedHypervolumeImprovement"/>), a seeded
/// Monte-Carlo estimate with common random numbers in three or four. A batch is built by the kriging
/// believer on every objective: each chosen point joins the data (and the front) with the models'
/// predictions, and the models are refitted with their θ kept.
/// </summary>
internal sealed class EhviStrategy : MultiObjectiveStrategy
{
    public const string MonteCarloSamples = "monteCarloSamples";

    public override string Name => "ehvi";

    public override string Description =>
        "Expected hypervolume improvement (Emmerich et al. 2006) on one Kriging model per objective (2 to 4 objectives), maximised over Sobol' " +
        "candidates and perturbations of the Pareto front with a Nelder–Mead polish. Exact in 2 objectives (box decomposition, Yang et al. 2019); " +
        "in 3 or 4 a Monte-Carlo estimate from monteCarloSamples seeded normal draws. Batches by the kriging believer on every objective.";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer(MonteCarloSamples, 128,
            "With 3 or 4 objectives: the number of seeded normal draws of the Monte-Carlo EHVI estimate (its error falls as 1/√N). Unused in 2 objectives, where EHVI is exact.",
            16, 4096),
        StrategyOptions.RefitEverySpec,
        StrategyOptions.MinDistanceSpec,
        StrategyOptions.FailureRadiusSpec,
    ];

    public override IReadOnlyList<StateProblem> CheckState(OptimizerState state, int dimension)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateRules(state)
            .Common(Name)
            .KrigingTheta("objectiveThetas", state.ObjectiveThetas, dimension)
            .NoRadialBasisFields(Name)
            .Absent("theta", state.Theta, Name)
            .Problems;
    }

    private protected override OptimizerState ChooseBatch(SuggestionContext context, ObjectiveData data, double[] reference, CancellationToken cancellationToken)
    {
        var request = context.Request;
        int m = request.ObjectiveCount;
        var previous = request.State?.ObjectiveThetas;
        if (previous is not null && previous.Length != m)
            throw new OptimizationException($"The state holds θ for {previous.Length} objectives, but the request has {m}.") { Field = "state.objectiveThetas" };
        bool search = SearchTheta(request, data.Count);
        var models = new ISurrogateModel[m];
        var sets = (TrainingSet[])data.Training.Clone();
        bool allChosen = true;
        for (int k = 0; k < m; k++)
        {
            var (model, isChosen) = SurrogateFitter.Fit(sets[k], request.Surrogate, previous?[k], search, context.Warnings, context.Space, cancellationToken);
            if (model is null)
                return SpaceFillingBatch(context, 0, request.State);
            models[k] = model;
            allChosen &= isChosen && model is KrigingModel;
        }
        double[][]? thetas = allChosen ? models.Select(model => ((KrigingModel)model).Theta.ToArray()).ToArray() : previous;
        int? thetaPoints = thetas is null ? null : allChosen && search ? data.Count : request.State?.ThetaPoints ?? data.Count;

        var front = data.FrontValues.ToList();
        var normals = m == 2 ? null : Normals(context.Random, request.Options.Integer(MonteCarloSamples), m);
        var centres = data.FrontIndices.Select(i => data.Points[i].ToArray()).ToList();
        for (int j = 0; j < context.BatchSize; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var acquisition = LogAcquisition(models, front, reference, normals);
            var chosen = new VectorAcquisitionMaximiser(acquisition, context).Maximise(centres, cancellationToken);
            if (chosen is not var (point, logValue))
            {
                context.Warnings.Add("Every candidate broke the distance rule or had no expected improvement: a space-filling point was suggested.");
                context.AcceptSpaceFilling(j);
                continue;
            }
            context.Accept(j, point, Math.Exp(logValue));
            if (j + 1 == context.BatchSize)
                break;
            // Kriging believer: the point joins the data and the front with the models' predictions.
            var believed = new double[m];
            for (int k = 0; k < m; k++)
            {
                believed[k] = models[k].PredictAt(point);
                sets[k] = sets[k].Append(point, believed[k]);
                var refitted = SurrogateFitter.Refit(sets[k], request.Surrogate, models[k], context.Space, cancellationToken);
                if (refitted is null)
                {
                    context.Warnings.Add("The surrogates could not be refitted with the pending points of the batch: the rest of the batch is space-filling.");
                    for (int rest = j + 1; rest < context.BatchSize; rest++)
                        context.AcceptSpaceFilling(rest);
                    return State(context, thetas, thetaPoints);
                }
                models[k] = refitted;
            }
            front.Add(believed);
            front = ParetoDominance.NondominatedIndices(front).Select(i => front[i]).ToList();
            centres.Add(point);
        }
        return State(context, thetas, thetaPoints);
    }

    private OptimizerState State(SuggestionContext context, double[][]? thetas, int? thetaPoints) => new()
    {
        Strategy = Name,
        Iteration = context.Iteration + 1,
        ObjectiveThetas = thetas,
        ThetaPoints = thetas is null ? null : thetaPoints,
    };

    private OptimizerState SpaceFillingBatch(SuggestionContext context, int first, OptimizerState? previous)
    {
        for (int j = first; j < context.BatchSize; j++)
            context.AcceptSpaceFilling(j);
        return State(context, previous?.ObjectiveThetas, previous?.ThetaPoints);
    }

    /// <summary>ln EHVI at a batch of points: exact in two objectives, otherwise the Monte-Carlo estimate on the fixed draws.</summary>
    private static Func<PointSet, double[]> LogAcquisition(ISurrogateModel[] models, List<double[]> front, double[] reference, double[][]? normals)
    {
        var sortedFront = normals is null ? ExpectedHypervolumeImprovement.PrepareTwoObjectiveFront(front, reference) : null;
        return points =>
        {
            int n = points.Count, m = models.Length;
            var means = new double[m][];
            var errors = new double[m][];
            for (int k = 0; k < m; k++)
            {
                means[k] = new double[n];
                errors[k] = new double[n];
                models[k].Predict(points, means[k]);
                models[k].StandardError(points, errors[k]);
            }
            var scores = new double[n];
            var mean = new double[m];
            var error = new double[m];
            for (int i = 0; i < n; i++)
            {
                bool finite = true;
                for (int k = 0; k < m; k++)
                {
                    mean[k] = means[k][i];
                    error[k] = errors[k][i];
                    finite &= double.IsFinite(mean[k]) && double.IsFinite(error[k]);
                }
                if (!finite)
                    scores[i] = double.NegativeInfinity;
                else if (sortedFront is not null)
                    scores[i] = ExpectedHypervolumeImprovement.LogExactTwoObjectives(sortedFront, reference, mean[0], error[0], mean[1], error[1]);
                else
                    scores[i] = Math.Log(ExpectedHypervolumeImprovement.MonteCarlo(front, reference, mean, error, normals!));
            }
            return scores;
        };
    }

    /// <summary>The common random numbers of the Monte-Carlo estimate: the same draws for every candidate of the call, so that their comparison is not noise.</summary>
    private static double[][] Normals(DeterministicRandom random, int samples, int objectives) =>
        Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, objectives).Select(_ => random.NextGaussian()).ToArray()).ToArray();
}
