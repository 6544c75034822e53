namespace SurrogateService.Numerics.Surrogates;

/// <summary>
/// What a mixture of experts chose: the number of clusters, the gating (smooth or hard), its model (gaussian or softmax) and heaviside factor, each cluster's
/// expert with its size and leave-one-out error, and the cross-validation error of every number of clusters tried
/// (null where a cluster was too small or no expert fitted).
/// </summary>
public sealed record MixtureOfExpertsDiagnostics(
    int Clusters,
    string Gating,
    string GatingModel,
    double Heaviside,
    IReadOnlyList<ExpertSummary> Experts,
    IReadOnlyList<ClusterCountTrial> Trials);

/// <summary>One cluster's expert: its kind and options, its training points and its leave-one-out RMSE on them.</summary>
public sealed record ExpertSummary(string Kind, IReadOnlyDictionary<string, object> Options, int Points, double LeaveOneOutRmse);

/// <summary>A number of clusters tried, with the k-fold RMSE of its best heaviside factor (null: infeasible).</summary>
public sealed record ClusterCountTrial(int Clusters, double? CrossValidationRmse);
