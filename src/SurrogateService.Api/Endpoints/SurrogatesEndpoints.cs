using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Models;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Endpoints;

/// <summary>Surrogate models: the kinds, fitting to a portable model document, and prediction.</summary>
public static class SurrogatesEndpoints
{
    public static RouteGroupBuilder MapSurrogates(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/surrogates").WithTags("Surrogates");
        group.MapGet("/", List)
            .WithName("listSurrogateKinds")
            .WithSummary("Lists the surrogate kinds with their options, defaults and valid ranges.");
        group.MapPost("/fit", Fit)
            .WithName("fitSurrogate")
            .WithSummary("Fits a surrogate and returns a portable model document with diagnostics.")
            .WithDescription(ProgressLines.Description("`stage` lines as each kind starts (`fitting`) and ends (`fitted`, with its leave-one-out RMSE or why it failed; `auto` tries several)"))
            .WithMetadata(new ProgressLines(typeof(FitStageLine), typeof(FitResponse)))
            .AsHeavyWork()
            .RunsAsJob(SurrogateFitJob.KindName);
        group.MapPost("/predict", Predict)
            .WithName("predictSurrogate")
            .WithSummary("Predicts at points from a stored model (`modelId`), a model document (`model`), or fits and predicts in one call (`fit`; such a fit takes a heavy-work slot or gets 429).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/integrate", Integrate)
            .WithName("integrateSurrogate")
            .WithSummary("Integrates a model (`modelId`, `model` or `fit`) over a box: exactly where the kind allows (lobachevsky), otherwise by randomised quasi-Monte Carlo with a standard error.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Ok<SurrogateKindInfo[]> List() =>
        TypedResults.Ok(SurrogateKinds.All.Select(SurrogateMapping.ToInfo)
            // auto's standard error depends on the kind it picks; the model document names that kind.
            .Append(new SurrogateKindInfo(AutoSurrogate.Name, AutoSurrogate.Description, HasStandardError: false, MinimumPointsIn2D: 2, Options: []))
            .ToArray());

    private static Results<Ok<FitResponse>, ValidationProblem, ProgressStreamResult> Fit(
        FitRequest request, IOptions<LimitsOptions> limits, HttpRequest http, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var plan = FitRequestReader.Read(request, "", errors, limits.Value);
        if (plan is null)
            return errors.ToProblem();
        if (ProgressStreamResult.IsRequested(http))
        {
            return ProgressStreamResult.Of<FitProgress>((progress, token) => FitNow(plan, progress, token), SurrogateMapping.ToLine);
        }
        return FitNow(plan, progress: null, cancellationToken);
    }

    /// <param name="checkpoints">A job's checkpoints, null synchronously.</param>
    internal static Results<Ok<FitResponse>, ValidationProblem, ProgressStreamResult> FitNow(
        FitPlan plan, IProgress<FitProgress>? progress, CancellationToken cancellationToken, Work.IWorkCheckpoints? checkpoints = null)
    {
        var errors = new RequestErrors();
        var fitted = plan.Fit(errors, progress, cancellationToken, checkpoints);
        if (fitted is null)
            return errors.ToProblem();
        return TypedResults.Ok(new FitResponse(
            SurrogateMapping.ToDocument(fitted),
            SurrogateMapping.ToDiagnostics(fitted)));
    }

    private static async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> Predict(
        PredictRequest request, IOptions<LimitsOptions> limits, InlineFitGate gate, ModelSource source, HttpContext context, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(request.Fit is not null, context, cancellationToken);
        if (slot.Refused)
            return InlineFitGate.Busy();
        var errors = new RequestErrors();
        var fitted = await source.ReadAsync(request.Model, request.ModelId, request.Fit, context, errors, cancellationToken);
        return fitted is null ? errors.ToProblem() : PredictNow(request, fitted, limits.Value, cancellationToken);
    }

    private static Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult> PredictNow(
        PredictRequest request, FittedSurrogate fitted, LimitsOptions limit, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var points = PointsValidator.Validate(request.Points, "points", errors, limit.MaxEvaluationPoints, fitted.Model.Data.Dimension);
        return PredictWith(fitted, points, request.IncludeStandardError, request.IncludeNoise, fromDocument: request.Fit is null, errors, limit, cancellationToken);
    }

    /// <summary>Predictions (and standard errors) at checked points; the model and diagnostics too when it was fitted for this request.</summary>
    internal static Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult> PredictWith(FittedSurrogate fitted, Numerics.Core.PointSet? points,
        bool? includeStandardError, bool? includeNoise, bool fromDocument, RequestErrors errors, LimitsOptions limit, CancellationToken cancellationToken)
    {
        var model = fitted.Model;
        bool withErrors = includeStandardError == true;
        if (withErrors && points is not null)
            StandardErrorRequest.Check(fitted, points.Count, errors, limit);
        double? noiseVariance = includeNoise == true ? StandardErrorRequest.NoiseVariance(fitted, withErrors, errors) : null;
        if (points is null || !errors.IsEmpty)
            return errors.ToProblem();

        var values = new double[points.Count];
        double[]? standardErrors = withErrors ? new double[points.Count] : null;
        var cancellable = model as ICancellablePrediction;
        if (cancellable is not null && standardErrors is not null)
            cancellable.PredictWithStandardError(points, values, standardErrors, cancellationToken);
        else if (cancellable is not null)
            cancellable.Predict(points, values, cancellationToken);
        else
        {
            model.Predict(points, values);
            if (standardErrors is not null)
                model.StandardError(points, standardErrors);
        }
        if (standardErrors is not null && noiseVariance is double variance)
            ObservationNoise.AddTo(standardErrors, variance);
        return TypedResults.Ok(new PredictResponse(
            values,
            standardErrors,
            fromDocument ? null : SurrogateMapping.ToDocument(fitted),
            fromDocument ? null : SurrogateMapping.ToDiagnostics(fitted)));
    }

    private static async Task<Results<Ok<IntegrateResponse>, ValidationProblem, ProblemHttpResult>> Integrate(
        IntegrateRequest request, IOptions<LimitsOptions> limits, InlineFitGate gate, ModelSource source, HttpContext context, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(request.Fit is not null, context, cancellationToken);
        if (slot.Refused)
            return InlineFitGate.Busy();
        var errors = new RequestErrors();
        var fitted = await source.ReadAsync(request.Model, request.ModelId, request.Fit, context, errors, cancellationToken);
        return fitted is null ? errors.ToProblem() : IntegrateNow(request, fitted, limits.Value, cancellationToken);
    }

    private static Results<Ok<IntegrateResponse>, ValidationProblem, ProblemHttpResult> IntegrateNow(
        IntegrateRequest request, FittedSurrogate fitted, LimitsOptions limit, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var data = fitted.Model.Data;
        var box = request.LowerBound is null && request.UpperBound is null
            ? data.Box
            : BoundsValidator.Validate(request.LowerBound, request.UpperBound, errors, limit.MaxDimension, data.Dimension);
        int samples = request.Samples ?? IntegrateRequest.DefaultSamples;
        if (samples < SurrogateIntegration.Replicates || samples > limit.MaxEvaluationPoints)
            errors.Add("samples", $"Must be between {SurrogateIntegration.Replicates} and {limit.MaxEvaluationPoints}.");
        if (request.Seed is < 0)
            errors.Add("seed", "Must be a non-negative integer.");
        if (box is null || !errors.IsEmpty)
            return errors.ToProblem();

        var estimate = SurrogateIntegration.Integrate(fitted.Model, box, samples, (ulong)(request.Seed ?? 0), cancellationToken);
        if (!double.IsFinite(estimate.Value) || !double.IsFinite(estimate.StandardError))
        {
            errors.Add(ModelField(request.Model, request.ModelId), "The integral over this box is not a finite number.");
            return errors.ToProblem();
        }
        return TypedResults.Ok(new IntegrateResponse(estimate.Value, estimate.StandardError, estimate.Method, estimate.Evaluations));
    }

    /// <summary>The request member that named the model, for errors about the model itself.</summary>
    internal static string ModelField(ModelDocument? model, string? modelId) =>
        modelId is not null ? "modelId" : model is not null ? "model" : "fit";
}
