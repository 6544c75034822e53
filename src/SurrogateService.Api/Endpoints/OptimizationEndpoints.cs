using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Endpoints;

/// <summary>Surrogate optimisation: ask–tell suggestions for the client's own function, and whole runs on built-in functions.</summary>
public static class OptimizationEndpoints
{
    public static RouteGroupBuilder MapOptimization(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/optimization").WithTags("Optimization");
        group.MapGet("/strategies", ListStrategies)
            .WithName("listStrategies")
            .WithSummary("Lists the optimisation strategies with their default surrogates and options.");
        group.MapPost("/suggest", Suggest)
            .WithName("suggestPoints")
            .WithSummary("Ask–tell: from the points evaluated so far (null values mark failures), the next batch of points to evaluate and the state to send back next time.")
            .AsHeavyWork();
        group.MapPost("/runs", Run)
            .WithName("runOptimization")
            .WithSummary("Optimises a built-in benchmark function: initial plan, then ask–tell rounds until maxEvaluations; returns the best point and the trace.")
            .WithDescription(ProgressLines.Description("one `evaluation` line per evaluation"))
            .WithMetadata(new ProgressLines(typeof(RunEvaluationLine), typeof(RunResponse)))
            .AsHeavyWork();
        return group;
    }

    private static Ok<StrategyInfo[]> ListStrategies() =>
        TypedResults.Ok(OptimizationStrategies.All.Select(OptimizationMapping.ToInfo).ToArray());

    private static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(
        SuggestRequest request, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (OptimizationRequestReader.ReadSuggest(request, errors, limits.Value) is not var (strategy, suggestion))
            return errors.ToProblem();
        try
        {
            return TypedResults.Ok(OptimizationMapping.ToResponse(strategy.Suggest(suggestion, cancellationToken)));
        }
        catch (OptimizationException ex)
        {
            errors.Add(ex.Field ?? "points", ex.Message);
            return errors.ToProblem();
        }
    }

    private static Results<Ok<RunResponse>, ValidationProblem, ProgressStreamResult> Run(
        RunRequest request, IOptions<LimitsOptions> limits, HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (OptimizationRequestReader.IsMultiObjectiveProblem(request.Function))
            return RunMultiObjective(request, limits.Value, http, cancellationToken);
        if (OptimizationRequestReader.ReadRun(request, errors, limits.Value) is not var (function, box, settings))
            return errors.ToProblem();
        double Objective(ReadOnlySpan<double> point)
        {
            ServiceMetrics.ObjectiveEvaluated(function.Name);
            return function.Evaluate(point);
        }
        if (ProgressStreamResult.IsRequested(http))
            return ProgressStreamResult.Of<RunProgress>((progress, token) => Minimize(Objective, box, settings, progress, token), OptimizationMapping.ToLine);
        return Minimize(Objective, box, settings, progress: null, cancellationToken);
    }

    private static Results<Ok<RunResponse>, ValidationProblem, ProgressStreamResult> RunMultiObjective(
        RunRequest request, LimitsOptions limits, HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (OptimizationRequestReader.ReadMultiObjectiveRun(request, errors, limits) is not var (problem, box, settings, reference))
            return errors.ToProblem();
        void Evaluate(ReadOnlySpan<double> point, Span<double> objectives)
        {
            ServiceMetrics.ObjectiveEvaluated(problem.Name);
            problem.Evaluate(point, objectives, []);
        }
        Results<Ok<RunResponse>, ValidationProblem, ProgressStreamResult> Minimize(IProgress<MultiObjectiveRunProgress>? progress, CancellationToken token)
        {
            try
            {
                return TypedResults.Ok(OptimizationMapping.ToResponse(MultiObjectiveRun.Minimize(Evaluate, problem.ObjectiveCount, box, settings, reference, progress, token)));
            }
            catch (OptimizationException ex)
            {
                var failure = new RequestErrors();
                failure.Add(ex.Field ?? "initialSamples", ex.Message);
                return failure.ToProblem();
            }
        }
        if (ProgressStreamResult.IsRequested(http))
            return ProgressStreamResult.Of<MultiObjectiveRunProgress>((progress, token) => Minimize(progress, token), OptimizationMapping.ToLine);
        return Minimize(null, cancellationToken);
    }

    private static Results<Ok<RunResponse>, ValidationProblem, ProgressStreamResult> Minimize(
        Func<ReadOnlySpan<double>, double> objective, Box box, RunSettings settings, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(OptimizationMapping.ToResponse(OptimizationRun.Minimize(objective, box, settings, progress, cancellationToken)));
        }
        catch (OptimizationException ex)
        {
            var errors = new RequestErrors();
            errors.Add(ex.Field ?? "initialSamples", ex.Message);
            return errors.ToProblem();
        }
    }
}
