namespace SurrogateService.Api.Contracts;

/// <summary>A known global minimum: its value and every point where it is attained.</summary>
public sealed record MinimumInfo(double Value, IReadOnlyList<double[]> Locations);

/// <summary>A benchmark function: its domain in <c>dimension</c> dimensions and its known minima.</summary>
public sealed record FunctionInfo(
    string Name,
    string Description,
    int Dimension,
    int MinDimension,
    int MaxDimension,
    double[] LowerBound,
    double[] UpperBound,
    IReadOnlyList<MinimumInfo> Minima);

/// <summary>Points to evaluate, <c>[[x1, x2, …], …]</c>.</summary>
public sealed record EvaluateRequest(double[][]? Points);

/// <summary>One value per requested point, in order.</summary>
public sealed record EvaluateResponse(double[] Values);
