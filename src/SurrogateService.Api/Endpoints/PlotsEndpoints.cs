using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Models;
using SurrogateService.Api.Rendering;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Slices;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Endpoints;

/// <summary>PNG figures: a function with samples, a surrogate against its truth, an optimisation run.</summary>
public static class PlotsEndpoints
{
    /// <summary>The surrogate figure's RMSE over its grid, for clients that show the number beside the picture.</summary>
    public const string RmseHeader = "X-Surrogate-Rmse";

    private const string Png = "image/png";

    public static RouteGroupBuilder MapPlots(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/plots").WithTags("Plots");
        group.MapPost("/function", PlotFunction)
            .WithName("plotFunction")
            .Produces(StatusCodes.Status200OK, typeof(Stream), Png)
            .WithSummary("A benchmark function as a heatmap with contour lines (a curve in 1-D), sample points over it.")
            .AsHeavyWork();
        group.MapPost("/surrogate", PlotSurrogate)
            .WithName("plotSurrogate")
            .Produces(StatusCodes.Status200OK, typeof(Stream), Png)
            .WithSummary($"Truth, surrogate and absolute error side by side with the training points; the RMSE over the grid is in the title and the {RmseHeader} header.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsHeavyWork();
        group.MapPost("/optimization", PlotOptimization)
            .WithName("plotOptimization")
            .Produces(StatusCodes.Status200OK, typeof(Stream), Png)
            .WithSummary("An optimisation run: best-so-far against evaluations, and the evaluated points over the function; for a multi-objective problem the hypervolume and the front in objective space.")
            .AsHeavyWork();
        return group;
    }

    private static Results<FileContentHttpResult, ValidationProblem> PlotFunction(FunctionPlotRequest request, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        var function = NameLookup.Find(request.Function, "function", errors, BenchmarkFunctions.All, f => f.Name);
        var image = ImageOptionsReader.Read(request.Width, request.Height, request.Scale, (800, 600), errors, limit);
        if (function is null)
            return errors.ToProblem();
        int? d = FunctionDimension(request, function, errors);
        if (d is null)
            return errors.ToProblem();
        var domain = function.Domain(d.Value);
        var (points, label) = PlotPointsReader.Read(request.Samples, request.Points, domain, errors, limit);
        var grid = SliceReader.Read(request.Dimensions, request.Slice, request.Resolution, domain, errors, limit);
        CostlyFunctionWork.Check(function, grid?.Points.Count, "resolution", errors, limit);
        if (grid is null || image is null || !errors.IsEmpty)
            return errors.ToProblem();

        var values = grid.Evaluate(function);
        if (!AllFinite(values, "function", $"{function.Name} is not finite everywhere on the plotted grid.", errors))
            return errors.ToProblem();
        return TypedResults.File(FunctionFigure.Render(function, grid, values, points, label, image), Png);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> PlotSurrogate(
        SurrogatePlotRequest request, HttpContext context, IOptions<LimitsOptions> limits, ModelSource source, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        var response = context.Response;
        var function = request.Function is null ? null : NameLookup.Find(request.Function, "function", errors, BenchmarkFunctions.All, f => f.Name);
        var fitted = await source.ReadAsync(request.Model, request.ModelId, request.Fit, context, errors, cancellationToken);
        if (fitted is null || !errors.IsEmpty)
            return errors.ToProblem();

        var data = fitted.Model.Data;
        if (function is not null && (data.Dimension < function.MinDimension || data.Dimension > function.MaxDimension))
            errors.Add("function", $"{function.Name} does not take {data.Dimension} dimensions, the model's.");
        bool withStandardError = request.IncludeStandardError == true;
        int panels = (function is null ? 1 : 3) + (withStandardError ? 1 : 0);
        var image = ImageOptionsReader.Read(request.Width, request.Height, request.Scale, (Math.Max(450 * panels, 600), 480), errors, limit);
        var grid = SliceReader.Read(request.Dimensions, request.Slice, request.Resolution, data.Box, errors, limit);
        if (withStandardError && grid is not null)
            StandardErrorRequest.Check(fitted, grid.Points.Count, errors, limit);
        CostlyFunctionWork.Check(function, grid?.Points.Count, "resolution", errors, limit);
        if (grid is null || image is null || !errors.IsEmpty)
            return errors.ToProblem();

        var comparison = SliceComparison.Compute(grid, fitted.Model, function, withStandardError, cancellationToken);
        string modelField = SurrogatesEndpoints.ModelField(request.Model, request.ModelId);
        bool finite = AllFinite(comparison.Prediction, modelField, "The surrogate is not finite everywhere on the plotted grid.", errors)
            & AllFinite(comparison.Truth, "function", $"{function?.Name} is not finite everywhere on the plotted grid.", errors)
            & AllFinite(comparison.StandardError, "includeStandardError", "The standard error is not finite everywhere on the plotted grid.", errors);
        if (!finite)
            return errors.ToProblem();

        var png = SurrogateFigure.Render(fitted, function?.Name, grid, comparison, image);
        if (comparison.RootMeanSquareError is double rmse)
            response.Headers[RmseHeader] = rmse.ToString("R", CultureInfo.InvariantCulture);
        return TypedResults.File(png, Png);
    }

    private static Results<FileContentHttpResult, ValidationProblem> PlotOptimization(OptimizationPlotRequest request, IOptions<LimitsOptions> limits)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        if (OptimizationRequestReader.IsMultiObjectiveProblem(request.Function))
            return PlotMultiObjective(request, limit);
        var function = NameLookup.Find(request.Function, "function", errors, BenchmarkFunctions.All, f => f.Name,
            alsoValid: string.Join(", ", OptimizationRequestReader.MultiObjectiveProblems.Select(p => p.Name)));
        var image = ImageOptionsReader.Read(request.Width, request.Height, request.Scale, (1200, 520), errors, limit);
        if (function is null)
            return errors.ToProblem();
        var run = TraceReader.Read(request.Trace, (function.MinDimension, function.MaxDimension), errors, limit.MaxEvaluationPoints);
        if (run is null)
            return errors.ToProblem();
        var domain = function.Domain(run.Points.Dimension);
        var grid = SliceReader.Read(request.Dimensions, slice: null, request.Resolution, domain, errors, limit,
            anchor: run.Points[run.BestIndex].ToArray());
        CostlyFunctionWork.Check(function, grid?.Points.Count, "resolution", errors, limit);
        if (grid is null || image is null || !errors.IsEmpty)
            return errors.ToProblem();

        var values = grid.Evaluate(function);
        if (!AllFinite(values, "function", $"{function.Name} is not finite everywhere on the plotted grid.", errors))
            return errors.ToProblem();
        return TypedResults.File(OptimizationFigure.Render(function, run, grid, values, image), Png);
    }

    private static Results<FileContentHttpResult, ValidationProblem> PlotMultiObjective(OptimizationPlotRequest request, LimitsOptions limit)
    {
        var errors = new RequestErrors();
        var problem = OptimizationRequestReader.MultiObjectiveProblems.First(p => string.Equals(p.Name, request.Function, StringComparison.OrdinalIgnoreCase));
        var image = ImageOptionsReader.Read(request.Width, request.Height, request.Scale, (1200, 520), errors, limit);
        if (request.Dimensions is not null)
            errors.Add("dimensions", "Is not used with a multi-objective problem: the figure shows objective space.");
        if (request.Resolution is not null)
            errors.Add("resolution", "Is not used with a multi-objective problem: the figure shows objective space.");
        var run = ObjectiveTraceReader.Read(request.Trace, problem, errors, limit.MaxEvaluationPoints);
        if (run is null || image is null || !errors.IsEmpty)
            return errors.ToProblem();
        return TypedResults.File(ParetoFigure.Render(problem, run.Value.Dimension, run.Value.Trace, image), Png);
    }

    /// <summary>The function's dimension: given, or told by the points or the slice, else its default.</summary>
    private static int? FunctionDimension(FunctionPlotRequest request, IBenchmarkFunction function, RequestErrors errors)
    {
        var (d, field) = request.Dimension is int given ? (given, "dimension")
            : request.Points is [{ } first, ..] ? (first.Length, "points[0]")
            : request.Slice is { } slice ? (slice.Length, "slice")
            : (function.DefaultDimension, "dimension");
        if (d >= function.MinDimension && d <= function.MaxDimension)
            return d;
        errors.Add(field, function.MinDimension == function.MaxDimension
            ? $"{function.Name} takes {function.MinDimension} dimensions; got {d}."
            : $"{function.Name} takes between {function.MinDimension} and {function.MaxDimension} dimensions; got {d}.");
        return null;
    }

    private static bool AllFinite(double[]? values, string field, string message, RequestErrors errors)
    {
        if (values is null || values.All(double.IsFinite))
            return true;
        errors.Add(field, message);
        return false;
    }
}
