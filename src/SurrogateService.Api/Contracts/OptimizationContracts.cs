using System.Text.Json;

namespace SurrogateService.Api.Contracts;

/// <summary>A surrogate for a strategy: a kind (see GET /v1/surrogates) and its options.</summary>
public sealed record SurrogateSpec(string? Kind, JsonElement? Options);

/// <summary>
/// What a strategy remembers between suggest calls. Send back exactly what the previous response
/// returned (or nothing, to start afresh); it is validated like any other input.
/// </summary>
public sealed record OptimizerStateInfo(
    string? Strategy,
    int? Iteration,
    double? BestValue,
    double? StepSize,
    int? Successes,
    int? Failures,
    int? CycleIndex,
    int? InitialPoints,
    double[]? Theta,
    int? ThetaPoints,
    double[][]? ObjectiveThetas = null);

/// <summary>
/// The kind of one coordinate: <c>continuous</c> (the default), <c>integer</c> (whole-number bounds), or
/// <c>categorical</c> with the names of its <c>levels</c> (bounds 0 and levels − 1; points carry the level index).
/// </summary>
public sealed record VariableSpec(string? Type, string[]? Levels = null);

/// <summary>
/// Ask–tell: the points evaluated so far (a <c>null</c> value marks a failed evaluation), the box,
/// the strategy and its options, and the state of the previous call (none on the first call).
/// <c>constraints</c> (ei only) holds one array per point with the values of black-box constraints,
/// feasible when every value is ≤ 0; a <c>null</c> entry marks a failed evaluation of that point.
/// <c>gradients</c> (a kriging surrogate) holds the objective's gradient at each point, or null where it is
/// unknown: the surrogate becomes gradient-enhanced Kriging.
/// <c>variables</c> (one per dimension, all continuous when absent) declares integer and categorical coordinates:
/// suggestions respect them and the surrogate sees a category one-hot encoded (as many extra θ as levels
/// when there are three or more, which per-dimension surrogate options and the state's θ count).
/// With several objectives (ehvi, parego) <c>objectives</c> replaces <c>values</c>: one row of 2 to 4
/// numbers per point (a <c>null</c> row or entry marks a failed evaluation), and <c>referencePoint</c>
/// (one number per objective, worse than every Pareto-front point) fixes the hypervolume's reference.
/// </summary>
public sealed record SuggestRequest(
    string? Strategy,
    SurrogateSpec? Surrogate,
    double[]? LowerBound,
    double[]? UpperBound,
    double[][]? Points,
    double?[]? Values,
    int? BatchSize,
    long? Seed,
    OptimizerStateInfo? State,
    JsonElement? Options,
    double?[][]? Constraints = null,
    double[]?[]? Gradients = null,
    VariableSpec[]? Variables = null,
    double?[]?[]? Objectives = null,
    double[]? ReferencePoint = null);

/// <summary>
/// The incumbent. <c>basis</c> = <c>observed</c>: the best successful evaluation and its value.
/// <c>posteriorMean</c> (a noisy surrogate): the evaluated point whose posterior mean is lowest, <c>value</c>
/// that mean and <c>observedValue</c> what was observed there (the lowest observation is mostly the luckiest noise).
/// </summary>
public sealed record IncumbentInfo(double[] Point, double Value, string Basis = IncumbentInfo.Observed, double? ObservedValue = null)
{
    public const string Observed = "observed";
    public const string PosteriorMean = "posteriorMean";
}

/// <summary>
/// The points to evaluate next with the acquisition value that chose each (null for a space-filling
/// fallback), the state to send with the next request, the incumbent and warnings about fallbacks.
/// With constraints the incumbent is the best feasible point (null while none is) and
/// <c>feasible</c> says for every known point whether it succeeded with all constraints ≤ 0.
/// With several objectives the incumbent is null and <c>paretoFront</c> carries the current front.
/// </summary>
public sealed record SuggestResponse(
    double[][] Points,
    double?[] Acquisition,
    OptimizerStateInfo State,
    IncumbentInfo? Incumbent,
    IReadOnlyList<string> Warnings,
    bool[]? Feasible = null,
    CurrentParetoFrontInfo? ParetoFront = null);

/// <summary>
/// The non-dominated evaluations (exact duplicates merged into their mean) and their objective values,
/// the reference point (the client's, or derived: the front's nadir plus 10 % of its range in each
/// objective, <c>referencePointDerived</c> true; null while nothing has succeeded) and the front's hypervolume for it.
/// </summary>
public sealed record CurrentParetoFrontInfo(double[][] Points, double[][] Values, double[]? ReferencePoint, bool ReferencePointDerived, double Hypervolume);

/// <summary>The initial sampling plan of a run: a method (see GET /v1/samples/methods), its options and the number of points.</summary>
public sealed record InitialSamplesSpec(string? Method, int? Count, JsonElement? Options);

/// <summary>
/// A whole optimisation of a built-in function: initial plan, then ask–tell rounds until
/// <c>maxEvaluations</c> (initial points included). <c>noise</c> (σ ≥ 0, default 0) adds seeded
/// Gaussian observation noise to every evaluation; with noise a Kriging surrogate fits the noise variance
/// (unless its noise option is given) and the run recommends the evaluated point of best posterior mean.
/// <c>variables</c> declares integer and categorical coordinates of a continuous function's domain; a
/// problem with its own kinds (mixedBranin) uses them and takes none. A multi-objective problem (zdt1, zdt2,
/// zdt3, braninCurrin) runs with ehvi or parego; <c>referencePoint</c> then overrides the problem's own
/// reference point (the literature's) for the reported hypervolume.
/// </summary>
public sealed record RunRequest(
    string? Function,
    int? Dimension,
    string? Strategy,
    SurrogateSpec? Surrogate,
    InitialSamplesSpec? InitialSamples,
    int? MaxEvaluations,
    int? BatchSize,
    long? Seed,
    JsonElement? Options,
    double? Noise = null,
    VariableSpec[]? Variables = null,
    double[]? ReferencePoint = null);

/// <summary>
/// One evaluation of a run: the point, its value and the best value so far; with several objectives
/// instead (value and bestSoFar null) its objective values (null where it failed) and the hypervolume of everything evaluated so far.
/// </summary>
public sealed record TraceEntryInfo(double[] Point, double? Value, double? BestSoFar, double?[]? Objectives = null, double? Hypervolume = null);

/// <summary>
/// The recommended point (the best observed one, or with noise and a noisy surrogate the one of best posterior
/// mean, see <c>best.basis</c>), every evaluation in order, their number, warnings met on the way, and the
/// noise-free value of the function at the recommended point (with noise, the honest measure).
/// With several objectives <c>best</c> is null and <c>paretoFront</c> holds the front of all evaluations with its hypervolume.
/// </summary>
public sealed record RunResponse(IncumbentInfo? Best, IReadOnlyList<TraceEntryInfo> Trace, int Evaluations, IReadOnlyList<string> Warnings, double? BestTrueValue = null,
    CurrentParetoFrontInfo? ParetoFront = null);

/// <summary>An optimisation strategy: its default surrogate and its options.</summary>
public sealed record StrategyInfo(string Name, string Description, string DefaultSurrogate, JsonElement DefaultSurrogateOptions, IReadOnlyList<OptionInfo> Options);
