using SurrogateService.Numerics.Options;

namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// Mixture of experts (Bettebghor, Bartoli, Grihon, Morlier &amp; Samuelides 2011, "Surrogate modeling
/// approximation using a mixture of experts based on EM joint estimation", Struct. Multidisc. Optim. 43,
/// 243–259; also SMT's MOE): the data are clustered by a Gaussian mixture on inputs and values together, each
/// cluster gets the expert with the lowest leave-one-out error among a few kinds, and the experts are blended by
/// the clusters' posterior probabilities given x (smooth gating) or the most probable one is used (hard gating).
/// For functions with jumps or regime changes, which a single smooth kind smears.
/// </summary>
/// <remarks>
/// The number of clusters (1–<see cref="MaximumAutomaticClusters"/>) and the heaviside factor are chosen together
/// by k-fold cross-validation of the whole procedure (clustering, expert choice and gating refitted in every fold),
/// unless given. One cluster is a single expert, so the choice can fall back to it on smooth data.
/// </remarks>
public sealed class MixtureOfExpertsKind : ISurrogateKind
{
    public const string Auto = "auto", Smooth = "smooth", Hard = "hard", GaussianGating = "gaussian", SoftmaxGating = "softmax";

    public const int MaximumClusters = 10;

    /// <summary>The numbers of clusters cross-validation tries when none is given: 1 to this.</summary>
    public const int MaximumAutomaticClusters = 4;

    /// <summary>
    /// Heaviside factors tried when none is given. Bettebghor et al. scale the gating covariances by such a factor and
    /// pick it by the error on held-out points; this grid spans sharp (0.1) to wide (2) transitions.
    /// </summary>
    private static readonly double[] HeavisideGrid = [0.1, 0.25, 0.5, 1, 2];

    public string Name => "mixtureOfExperts";

    public string Description =>
        "Mixture of experts: a Gaussian mixture clusters (inputs, values), each cluster gets the best of Kriging, radial bases " +
        "(thin-plate, cubic) and linear or quadratic polynomials by leave-one-out error, and the experts are blended by the posterior " +
        "cluster probabilities given x (smooth) or the most probable one is used (hard). For jumps and regime changes. " +
        "Standard error: the cross-validation RMSE combined with the experts' disagreement weighted by the gating.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Integer("clusters", 0, $"Number of clusters (experts), 1–{MaximumClusters}; 0 chooses 1–{MaximumAutomaticClusters} by cross-validation.", 0, MaximumClusters),
        OptionSpec.Choice("gating", Smooth, "smooth: blend the experts by the posterior cluster probabilities given x; hard: use the most probable cluster's expert.", Smooth, Hard),
        OptionSpec.Choice("gatingModel", Auto, "gaussian: the input marginals of the clustering mixture (Bettebghor et al. 2011); softmax: a gating network trained on the clusters " +
            "(logistic on quadratic terms of x, Jacobs et al. 1991), which follows curved boundaries between regimes more closely; auto: chosen by cross-validation.", Auto, GaussianGating, SoftmaxGating),
        new OptionSpec("heaviside", OptionKind.Number, Auto, "Factor h scaling the gating covariances (small: sharp transitions), or auto: chosen by cross-validation.", 0, 100, [Auto]) { ExclusiveMinimum = true },
        OptionSpec.Integer("folds", 5, "Cross-validation folds, for the choices above and for leaveOneOutRmse.", 2, 20),
        OptionSpec.Integer("seed", 0, "Seed of the clustering's starts and of the folds.", 0, int.MaxValue),
    ];

    public bool HasStandardError => true;

    public int MinimumPoints(int dimension) => 2 * MixturePartition.MinimumClusterSize(dimension);

    public ISurrogateModel Fit(TrainingSet data, OptionValues options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        data = data.WithoutGradients();
        int d = data.Dimension, given = options.Integer("clusters");
        if (data.Count < MinimumPoints(d))
            throw new SurrogateFitException($"A mixture of experts in {d} dimensions needs at least {MinimumPoints(d)} points, got {data.Count}.");
        if (given * MixturePartition.MinimumClusterSize(d) > data.Count)
        {
            throw new SurrogateFitException(
                $"{given} clusters of at least {MixturePartition.MinimumClusterSize(d)} points need {given * MixturePartition.MinimumClusterSize(d)} points; there are {data.Count}.")
            { Field = "options.clusters" };
        }
        bool hard = options.Text("gating") == Hard;
        ulong seed = (ulong)options.Integer("seed");
        int folds = Math.Min(options.Integer("folds"), data.Count);
        int[] clusterCounts = given > 0 ? [given] : [.. Enumerable.Range(1, MaximumAutomaticClusters)];
        double[] heavisides = options.Text("heaviside") == Auto ? HeavisideGrid : [options.Number("heaviside")];
        string[] models = options.Text("gatingModel") is GaussianGating or SoftmaxGating ? [options.Text("gatingModel")!] : [SoftmaxGating, GaussianGating];
        MixtureCrossValidation.GatingSetting[] gatings = [.. models.SelectMany(m => heavisides.Select(h => new MixtureCrossValidation.GatingSetting(m, h)))];

        var search = MixtureCrossValidation.Run(data, clusterCounts, gatings, hard, folds, seed, cancellationToken);
        var (clusters, gating, rmse) = search.Best is { } best ? (best.Clusters, best.Gating, (double?)best.Rmse) : (clusterCounts[0], gatings[0], null);
        var partition = MixturePartition.Fit(data, clusters, seed, cancellationToken);
        var warnings = new List<string>();
        if (rmse is null)
        {
            warnings.Add($"Cross-validation could not fit {clusters} clusters in every fold (a cluster was too small), so leaveOneOutRmse is missing " +
                "and the standard errors use the largest of the experts' leave-one-out errors instead.");
        }
        double typicalError = rmse ?? partition.Experts.Max(e => e.Error);
        var diagnostics = new FitDiagnostics
        {
            LeaveOneOutRmse = rmse,
            CrossValidation = FitDiagnostics.Folds(folds),
            Warnings = warnings,
            MixtureOfExperts = new MixtureOfExpertsDiagnostics(
                clusters, hard ? Hard : Smooth, gating.Model, gating.Heaviside,
                [.. partition.Experts.Select((e, k) => new ExpertSummary(e.Kind.Name, ExpertChoice.Candidate(e.Index).Options.All, partition.Assignment.Count(a => a == k), e.Error))],
                search.Trials),
        };
        return new MixtureOfExpertsModel(data, partition.Gating(gating.Model, gating.Heaviside), partition.Assignment, partition.Experts, hard, typicalError, diagnostics);
    }

    public ISurrogateModel Restore(TrainingSet data, OptionValues options, IReadOnlyDictionary<string, double[]> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        data = data.WithoutGradients();
        int n = data.Count, d = data.Dimension;
        int clusters = parameters.TryGetValue(MixtureOfExpertsModel.ExpertsParameter, out var given) && given is not null ? given.Length : 0;
        if (clusters is < 1 or > MaximumClusters)
            throw Invalid(MixtureOfExpertsModel.ExpertsParameter, $"Must name one expert per cluster, 1–{MaximumClusters} of them.");
        double heaviside = ModelParameters.Read(parameters, MixtureOfExpertsModel.HeavisideParameter, 1)[0];
        if (heaviside <= 0)
            throw Invalid(MixtureOfExpertsModel.HeavisideParameter, "Must be positive.");
        var gating = RestoreGating(parameters, data.Box, clusters, heaviside);
        var assignment = Indices(parameters, MixtureOfExpertsModel.AssignmentParameter, n, clusters);
        var expertIndices = Indices(parameters, MixtureOfExpertsModel.ExpertsParameter, clusters, ExpertChoice.Candidates.Count);
        double typicalError = ModelParameters.Read(parameters, MixtureOfExpertsModel.TypicalErrorParameter, 1)[0];
        if (typicalError < 0)
            throw Invalid(MixtureOfExpertsModel.TypicalErrorParameter, "Must be at least 0.");

        var experts = new Expert[clusters];
        for (int k = 0; k < clusters; k++)
        {
            var cluster = MixturePartition.ClusterData(data, assignment, k);
            if (cluster.Count == 0)
                throw Invalid(MixtureOfExpertsModel.AssignmentParameter, $"Cluster {k} has no training point.");
            string prefix = MixtureOfExpertsModel.ExpertPrefix(k);
            var own = parameters.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value);
            var (kind, expertOptions) = ExpertChoice.Candidate(expertIndices[k]);
            try
            {
                // The document keeps no leave-one-out error per expert: only the fit's diagnostics report it.
                experts[k] = new Expert(expertIndices[k], kind, kind.Restore(cluster, expertOptions, own), double.NaN);
            }
            catch (SurrogateFitException ex)
            {
                throw new SurrogateFitException($"Expert {k} ({kind.Name}): {ex.Message}", ex)
                {
                    Field = ex.Field?.StartsWith("parameters.", StringComparison.Ordinal) == true ? "parameters." + prefix + ex.Field["parameters.".Length..] : "parameters",
                };
            }
        }
        return new MixtureOfExpertsModel(data, gating, assignment, experts, options.Text("gating") == Hard, typicalError, new FitDiagnostics());
    }

    /// <summary>The softmax gating when the document has its weights, else the Gaussian one.</summary>
    private static IGating RestoreGating(IReadOnlyDictionary<string, double[]> parameters, Core.Box box, int clusters, double heaviside)
    {
        int d = box.Dimension;
        if (parameters.ContainsKey(Surrogates.SoftmaxGating.WeightsParameter))
        {
            int degree = Indices(parameters, Surrogates.SoftmaxGating.DegreeParameter, 1, 3)[0];
            if (degree < 1)
                throw Invalid(Surrogates.SoftmaxGating.DegreeParameter, "Must be 1 or 2.");
            var softmaxWeights = ModelParameters.Read(parameters, Surrogates.SoftmaxGating.WeightsParameter, clusters * PolynomialBasis.TermCount(degree, d));
            return new SoftmaxGating(softmaxWeights, degree, box, heaviside);
        }
        var weights = ModelParameters.Read(parameters, Surrogates.GaussianGating.WeightsParameter, clusters);
        if (weights.Any(w => w <= 0))
            throw Invalid(Surrogates.GaussianGating.WeightsParameter, "Every weight must be positive.");
        var means = ModelParameters.Read(parameters, Surrogates.GaussianGating.MeansParameter, clusters * d);
        var covariances = ModelParameters.Read(parameters, Surrogates.GaussianGating.CovariancesParameter, clusters * d * d);
        return new GaussianGating(new GatingMixture(weights, means, covariances), box, heaviside);
    }

    /// <summary>A parameter of whole numbers in [0, <paramref name="limit"/>).</summary>
    private static int[] Indices(IReadOnlyDictionary<string, double[]> parameters, string name, int length, int limit)
    {
        var values = ModelParameters.Read(parameters, name, length);
        if (values.Any(v => v < 0 || v >= limit || v != Math.Floor(v)))
            throw Invalid(name, $"Every entry must be a whole number from 0 to {limit - 1}.");
        return Array.ConvertAll(values, v => (int)v);
    }

    private static SurrogateFitException Invalid(string parameter, string message) =>
        new($"The model parameter '{parameter}': {message}") { Field = "parameters." + parameter };
}
