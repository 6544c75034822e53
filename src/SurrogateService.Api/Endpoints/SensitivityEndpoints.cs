using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Models;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;
using SurrogateService.Numerics.Sensitivity;

namespace SurrogateService.Api.Endpoints;

/// <summary>Global sensitivity analysis on a surrogate.</summary>
public static class SensitivityEndpoints
{
    public static RouteGroupBuilder MapSensitivity(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/sensitivity").WithTags("Sensitivity");
        group.MapPost("/sobol", Sobol)
            .WithName("computeSobolIndices")
            .WithSummary("First-order and total Sobol' indices of a model over its box (Saltelli design on the surrogate, with bootstrap confidence intervals; a polynomial chaos model's exactly from its coefficients).")
            .WithDescription(ProgressLines.Description("`stage` lines as the design's d + 2 blocks are evaluated (`evaluation`) and as bootstrap resamples are drawn (`bootstrap`, about a hundred lines)"))
            .WithMetadata(new ProgressLines(typeof(SobolStageLine), typeof(SobolResponse)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsHeavyWork()
            .RunsAsJob(SobolJob.KindName);
        return group;
    }

    private static async Task<Results<Ok<SobolResponse>, ValidationProblem, ProgressStreamResult>> Sobol(
        SobolRequest request, IOptions<LimitsOptions> limits, ModelSource source, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var fitted = await source.ReadAsync(request.Model, request.ModelId, request.Fit, context, errors, cancellationToken);
        if (fitted is null)
            return errors.ToProblem();
        if (SobolWork.ReadSettings(request, fitted.Model.Data.Dimension, errors, limits.Value) is not { } settings)
            return errors.ToProblem();

        string modelField = SurrogatesEndpoints.ModelField(request.Model, request.ModelId);
        if (ProgressStreamResult.IsRequested(context.Request))
        {
            return ProgressStreamResult.Of<SobolProgress>(
                (progress, token) => SobolWork.Compute(fitted.Model, settings, modelField, progress, checkpoints: null, token).Result,
                SobolWork.ToLine);
        }
        return SobolWork.Compute(fitted.Model, settings, modelField, progress: null, checkpoints: null, cancellationToken).Result switch
        {
            Ok<SobolResponse> ok => ok,
            var problem => (ValidationProblem)problem,
        };
    }
}
