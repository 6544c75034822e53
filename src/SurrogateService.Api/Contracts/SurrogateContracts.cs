using System.Text.Json;

namespace SurrogateService.Api.Contracts;

/// <summary>A surrogate kind and its options.</summary>
public sealed record SurrogateKindInfo(string Name, string Description, bool HasStandardError, int MinimumPointsIn2D, IReadOnlyList<OptionInfo> Options);

/// <summary>
/// Training data and settings for a fit; <c>options</c> are the kind's (see GET /v1/surrogates).
/// <c>noiseVariances</c>: the known noise variance of each value (Kriging), for data whose precision varies;
/// <c>lowFidelity</c>: data of a cheaper model of the same function (kriging: co-Kriging; auto: one more candidate, co-Kriging);
/// <c>gradients</c>: the gradient of the function at each point, or null where it is unknown (Kriging: gradient-enhanced).
/// </summary>
public sealed record FitRequest(
    string? Kind,
    double[][]? Points,
    double[]? Values,
    double[]? LowerBound,
    double[]? UpperBound,
    JsonElement? Options,
    double[]? NoiseVariances = null,
    LowFidelityData? LowFidelity = null,
    double[]?[]? Gradients = null);

/// <summary>
/// Points and values of a cheaper, biased model of the same function (kriging, and auto's co-Kriging
/// candidate): the fit becomes autoregressive co-Kriging, f_high = ρ·f_low + δ.
/// </summary>
public sealed record LowFidelityData(double[][]? Points, double[]? Values);

/// <summary>
/// A fitted model as a portable document: the client keeps it and sends it back to predict.
/// It holds everything the model needs (kind, box, resolved options, training data, fitted parameters),
/// so any replica can serve it.
/// </summary>
public sealed record ModelDocument(
    int? FormatVersion,
    string? Kind,
    double[]? LowerBound,
    double[]? UpperBound,
    JsonElement? Options,
    double[][]? Points,
    double[]? Values,
    Dictionary<string, double[]>? Parameters,
    double[]? NoiseVariances = null,
    LowFidelityData? LowFidelity = null,
    double[]?[]? Gradients = null);

/// <summary>
/// Fit quality and numerical health; fields that do not apply to the kind are null. <c>crossValidation</c> says how
/// <c>leaveOneOutRmse</c> was estimated when not by leave-one-out: "outOfBag" (random forest) or "{k}-fold".
/// </summary>
public sealed record DiagnosticsInfo(
    double? LeaveOneOutRmse,
    double? ConditionNumber,
    double? Nugget,
    double? LogLikelihood,
    double? LeaveOneOutStandardisedMean,
    double? LeaveOneOutStandardisedSpread,
    IReadOnlyList<double>? Theta,
    double? ProcessVariance,
    double? NoiseVariance,
    double? TrainingLoss,
    IReadOnlyList<double>? LossCurve,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<CandidateInfo>? Candidates,
    PolynomialChaosInfo? PolynomialChaos = null,
    string? CrossValidation = null,
    string? Approximation = null,
    MixtureOfExpertsInfo? MixtureOfExperts = null,
    TrendInfo? Trend = null);

/// <summary>
/// The polynomial trend of a nearest-neighbour Kriging fit (option <c>trend</c> "polynomial", or "auto", its default): its total degree, terms and
/// q-norm, the points held out to choose it, its held-out RMSE, the constant's (the trend of ordinary Kriging) for
/// comparison, and the held-out RMSE of every degree tried (null where a degree's normal equations were singular).
/// </summary>
public sealed record TrendInfo(int Degree, int Terms, double QNorm, int ValidationPoints, double ValidationRmse, double ConstantValidationRmse,
    IReadOnlyList<double?> ValidationRmseByDegree);

/// <summary>
/// What a mixture of experts chose: the number of clusters, the gating (smooth or hard), its model (gaussian or
/// softmax) and heaviside factor, each cluster's expert, and the k-fold RMSE of every number of clusters tried.
/// </summary>
public sealed record MixtureOfExpertsInfo(int Clusters, string Gating, string GatingModel, double Heaviside, IReadOnlyList<ExpertInfo> Experts, IReadOnlyList<ClusterTrialInfo> Trials);

/// <summary>One cluster's expert: its kind and options, its training points and its leave-one-out RMSE on them.</summary>
public sealed record ExpertInfo(string Kind, JsonElement Options, int Points, double LeaveOneOutRmse);

/// <summary>A number of clusters tried and its k-fold RMSE (null: a cluster was too small in some fold).</summary>
public sealed record ClusterTrialInfo(int Clusters, double? CrossValidationRmse);

/// <summary>
/// What a polynomial chaos fit chose: degree, terms kept of the candidate basis, the corrected relative
/// leave-one-out error that chose them, and the model's mean and variance over the box (inputs uniform).
/// </summary>
public sealed record PolynomialChaosInfo(int Degree, int Terms, int CandidateTerms, double CorrectedLeaveOneOutError, double Mean, double Variance);

/// <summary>
/// One candidate that <c>auto</c> tried: its kind, options and leave-one-out error; <c>usesLowFidelity</c>
/// is true for co-Kriging (kriging with the request's lowFidelity data), false for fits to the values alone.
/// </summary>
public sealed record CandidateInfo(string Kind, JsonElement Options, double? LeaveOneOutRmse, string? Error, bool UsesLowFidelity);

public sealed record FitResponse(ModelDocument Model, DiagnosticsInfo Diagnostics);

/// <summary>
/// Predict from a stored model (<c>modelId</c>, see POST /v1/models), a model document, or a fit request (fit
/// and predict in one call); exactly one of the three.
/// <c>includeNoise</c> adds the noise variance to the standard errors: the uncertainty of a new observation, not of the function.
/// </summary>
public sealed record PredictRequest(ModelDocument? Model, FitRequest? Fit, double[][]? Points, bool? IncludeStandardError, bool? IncludeNoise = null, string? ModelId = null);

/// <summary>Predictions in request order; standard errors when asked for and the kind has them; for a fit request also the model and its diagnostics.</summary>
public sealed record PredictResponse(double[] Values, double[]? StandardErrors, ModelDocument? Model, DiagnosticsInfo? Diagnostics);

/// <summary>
/// Integrate a model (stored model id, document or fit request; exactly one) over a box, by default the model's own.
/// <c>samples</c> and <c>seed</c> drive the quasi-Monte Carlo estimate for kinds without a closed form.
/// </summary>
public sealed record IntegrateRequest(ModelDocument? Model, FitRequest? Fit, double[]? LowerBound, double[]? UpperBound, int? Samples, long? Seed, string? ModelId = null)
{
    public const int DefaultSamples = 65_536;
}

/// <summary>The integral, its standard error (0 when exact), the method ("exact" or "quasiMonteCarlo") and the model evaluations used.</summary>
public sealed record IntegrateResponse(double Value, double StandardError, string Method, int Evaluations);
