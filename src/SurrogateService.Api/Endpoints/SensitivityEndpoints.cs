using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Sensitivity;

namespace SurrogateService.Api.Endpoints;

/// <summary>Global sensitivity analysis on a surrogate.</summary>
public static class SensitivityEndpoints
{
    public static RouteGroupBuilder MapSensitivity(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/sensitivity").WithTags("Sensitivity");
        group.MapPost("/sobol", Sobol)
            .WithSummary("First-order and total Sobol' indices of a model over its box (Saltelli design on the surrogate, with bootstrap confidence intervals; a polynomial chaos model's exactly from its coefficients).")
            .AsHeavyWork();
        return group;
    }

    private static Results<Ok<SobolResponse>, ValidationProblem> Sobol(
        SobolRequest request, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var limit = limits.Value;
        var fitted = ModelSourceReader.Read(request.Model, request.Fit, errors, limit, cancellationToken);
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

        SobolIndicesResult result;
        try
        {
            result = SobolIndices.Compute(fitted.Model, new SobolSettings(samples, bootstrap, level, seed!.Value), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // A model document with extreme parameters can overflow on the design.
            errors.Add(request.Model is not null ? "model" : "fit", ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
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
