using System.Text.Json.Serialization;

namespace SurrogateService.Api.Contracts;

/// <summary>The last line of a progress stream that succeeded: <c>result</c> is the plain JSON response.</summary>
public sealed record ProgressResultLine(object? Result)
{
    [JsonPropertyOrder(-1)]
    public string Type => "result";
}

/// <summary>The last line of a progress stream whose work refused the request: the problem a plain call gets as a 400.</summary>
public sealed record ProgressErrorLine(HttpValidationProblemDetails Problem)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}

/// <summary>One evaluation of an optimisation run: the count so far of the budget, the point, its value (null if it failed) and the best so far; with several objectives its objective values and the hypervolume so far instead.</summary>
public sealed record RunEvaluationLine(int Evaluations, int MaxEvaluations, double[] Point, double? Value, double? BestSoFar,
    double?[]? Objectives = null, double? Hypervolume = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "evaluation";
}

/// <summary>One stage of a Sobol' analysis: <c>evaluation</c> counts the d + 2 blocks of the design, <c>bootstrap</c> the resamples.</summary>
public sealed record SobolStageLine(string Stage, int Completed, int Total)
{
    [JsonPropertyOrder(-1)]
    public string Type => "stage";
}

/// <summary>One stage of a fit: <c>fitting</c> as a kind starts, <c>fitted</c> when it is done, with its leave-one-out RMSE or why it failed.</summary>
public sealed record FitStageLine(string Stage, string Kind, int Completed, int Total, double? LeaveOneOutRmse, string? Error)
{
    [JsonPropertyOrder(-1)]
    public string Type => "stage";
}
