using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Models;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Sensitivity;
using SurrogateService.Numerics.Surrogates;

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
            .AsHeavyWork();
        return group;
    }

    private static async Task<Results<Ok<SobolResponse>, ValidationProblem, ProgressStreamResult>> Sobol(
        SobolRequest request, IOptions<LimitsOptions> limits, ModelSource source, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        var http = context.Request;
        var fitted = await source.ReadAsync(request.Model, request.ModelId, request.Fit, context, errors, cancellationToken);
        if (fitted is null)
            return errors.ToProblem();
        int d = fitted.Model.Data.Dimension;
        int samples = request.Samples ?? SobolRequest.DefaultSamples;
        int maxSamples = (int)Math.Min(limit.MaxSensitivitySamples, limit.MaxSensitivityEvaluations / (d + 2L));
        if (samples < 16 || samples > maxSamples)
            errors.Add("samples", $"Must be between 16 and {maxSamples} for {d} inputs (the model is evaluated samples·(d + 2) times).");
        int bootstrap = request.Bootstrap ?? SobolRequest.DefaultBootstrap;
        if (bootstrap < 1 || bootstrap > limit.MaxBootstrapResamples)
            errors.Add("bootstrap", $"Must be between 1 and {limit.MaxBootstrapResamples}.");
        double level = request.ConfidenceLevel ?? SobolRequest.DefaultConfidenceLevel;
        if (!(level > 0 && level < 1))
            errors.Add("confidenceLevel", "Must lie strictly between 0 and 1.");
        ulong? seed = SeedReader.Read(request.Seed, errors);
        if (!errors.IsEmpty)
            return errors.ToProblem();

        var settings = new SobolSettings(samples, bootstrap, level, seed!.Value);
        string modelField = SurrogatesEndpoints.ModelField(request.Model, request.ModelId);
        if (ProgressStreamResult.IsRequested(http))
        {
            return ProgressStreamResult.Of<SobolProgress>(
                (progress, token) => Compute(fitted.Model, settings, modelField, progress, token),
                p => new SobolStageLine(p.Stage, p.Completed, p.Total));
        }
        return Compute(fitted.Model, settings, modelField, progress: null, cancellationToken);
    }

    private static Results<Ok<SobolResponse>, ValidationProblem, ProgressStreamResult> Compute(
        ISurrogateModel model, SobolSettings settings, string modelField, IProgress<SobolProgress>? progress, CancellationToken cancellationToken)
    {
        SobolIndicesResult result;
        try
        {
            result = SobolIndices.Compute(model, settings, progress, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // A model document with extreme parameters can overflow on the design.
            var errors = new RequestErrors();
            errors.Add(modelField, ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            return errors.ToProblem();
        }
        return TypedResults.Ok(new SobolResponse(
            result.FirstOrder,
            result.Total,
            result.FirstOrderIntervals.Select(i => new[] { i.Lower, i.Upper }).ToArray(),
            result.TotalIntervals.Select(i => new[] { i.Lower, i.Upper }).ToArray(),
            result.Evaluations,
            result.Warnings,
            result.Method,
            result.Mean,
            result.Variance));
    }
}
