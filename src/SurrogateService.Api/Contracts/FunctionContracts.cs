namespace SurrogateService.Api.Contracts;

/// <summary>A known global minimum: its value and every point where it is attained.</summary>
public sealed record MinimumInfo(double Value, IReadOnlyList<double[]> Locations);

/// <summary>
/// The kind of one coordinate: "continuous", "integer", or "categorical" with its level names
/// (a point carries the level's index 0, 1, …).
/// </summary>
public sealed record VariableInfo(string Kind, IReadOnlyList<string>? Levels);

/// <summary>A sampled true Pareto front, its reference point and the front's hypervolume for it.</summary>
public sealed record ParetoFrontInfo(IReadOnlyList<double[]> Values, double[] ReferencePoint, double Hypervolume);

/// <summary>
/// A benchmark function or problem: its domain in <c>dimension</c> dimensions, its number of
/// objectives and of constraints (feasible when ≤ 0), the kinds of its coordinates (null when all
/// are continuous), its known (best feasible) minima, and for several objectives its true Pareto front.
/// </summary>
public sealed record FunctionInfo(
    string Name,
    string Description,
    int Dimension,
    int MinDimension,
    int MaxDimension,
    double[] LowerBound,
    double[] UpperBound,
    IReadOnlyList<MinimumInfo> Minima,
    int Objectives = 1,
    int Constraints = 0,
    IReadOnlyList<VariableInfo>? Variables = null,
    ParetoFrontInfo? ParetoFront = null);

/// <summary>Points to evaluate, <c>[[x1, x2, …], …]</c>.</summary>
public sealed record EvaluateRequest(double[][]? Points);

/// <summary>
/// One value per requested point, in order. A problem with several objectives fills
/// <c>objectives</c> (one array per point) instead of <c>values</c>; a constrained one also fills
/// <c>constraints</c> (one array per point, feasible when every value is ≤ 0).
/// </summary>
public sealed record EvaluateResponse(double[]? Values, double[][]? Objectives = null, double[][]? Constraints = null);
