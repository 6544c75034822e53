using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;
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
            .AsHeavyWork()
            .RunsAsJob(OptimizationRunJob.KindName);
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
        if (OptimizationRunWork.Read(request, errors, limits.Value) is not { } work)
            return errors.ToProblem();
        if (ProgressStreamResult.IsRequested(http))
            return ProgressStreamResult.Of<RunEvaluationLine>((progress, token) => work.Execute(progress, null, token), line => line);
        return work.Execute(null, null, cancellationToken).Result switch
        {
            Ok<RunResponse> ok => ok,
            var problem => (ValidationProblem)problem,
        };
    }
}
