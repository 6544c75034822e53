using System.Text.Json;

namespace SurrogateService.Api.Contracts;

/// <summary>Sample points to draw for a function figure, as in POST /v1/samples (the box is the function's domain; seed 0 by default).</summary>
public sealed record PlotSampling(string? Method, int? Count, long? Seed, JsonElement? Options);

/// <summary>
/// A benchmark function as a heatmap with contour lines (a curve in 1-D), with <c>samples</c> or
/// <c>points</c> over it. For d &gt; 2 a plane through <c>slice</c> (default: the domain centre)
/// spanned by the two axes in <c>dimensions</c> (default [0, 1]). <c>dimension</c> picks the size of a
/// d-dimensional function when neither points nor slice tell it.
/// </summary>
public sealed record FunctionPlotRequest(
    string? Function,
    int? Dimension,
    PlotSampling? Samples,
    double[][]? Points,
    int[]? Dimensions,
    double[]? Slice,
    int? Resolution,
    int? Width,
    int? Height,
    double? Scale);

/// <summary>
/// A surrogate (a stored model id, a model document or a fit request; exactly one) on a slice of its box: with <c>function</c>, the
/// truth, the surrogate and the absolute error side by side and the RMSE over the grid (also in the
/// <c>X-Surrogate-Rmse</c> response header); without, the surrogate alone. <c>includeStandardError</c>
/// adds a standard-error panel for kinds that have one.
/// </summary>
public sealed record SurrogatePlotRequest(
    ModelDocument? Model,
    FitRequest? Fit,
    string? Function,
    bool? IncludeStandardError,
    int[]? Dimensions,
    double[]? Slice,
    int? Resolution,
    int? Width,
    int? Height,
    double? Scale,
    string? ModelId = null);

/// <summary>
/// One evaluation of an optimisation run; <c>bestSoFar</c> is optional (computed from the values when any is missing).
/// For a multi-objective problem <c>objectives</c> replaces <c>value</c> (null entries where it failed) and
/// <c>hypervolume</c> is optional (computed for the problem's reference point when any is missing).
/// </summary>
public sealed record PlotTraceEntry(double[]? Point, double? Value, double? BestSoFar, double?[]? Objectives = null, double? Hypervolume = null);

/// <summary>
/// An optimisation run of a built-in function (the <c>trace</c> of POST /v1/optimization/runs):
/// best-so-far against evaluations, and the evaluated points over the function, on a plane through
/// the best point for d &gt; 2. For a multi-objective problem (zdt1, zdt2, zdt3, braninCurrin): the
/// hypervolume against evaluations, and the evaluations in objective space with the front found and the true front.
/// </summary>
public sealed record OptimizationPlotRequest(
    string? Function,
    PlotTraceEntry[]? Trace,
    int[]? Dimensions,
    int? Resolution,
    int? Width,
    int? Height,
    double? Scale);
