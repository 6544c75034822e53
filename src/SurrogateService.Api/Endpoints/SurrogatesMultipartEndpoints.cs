using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Multipart;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Endpoints;

/// <summary>
/// Fit and predict with the big arrays as .npy parts of a multipart/form-data body beside a JSON
/// part <c>request</c>: 10⁶ points do not fit a JSON body (see docs/large-data.md).
/// </summary>
public static class SurrogatesMultipartEndpoints
{
    private static readonly string[] TrainingArrays = ["points", "values", "noiseVariances"];

    public static RouteGroupBuilder MapSurrogatesMultipart(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/surrogates").WithTags("Surrogates");
        group.MapPost("/fit/multipart", Fit)
            .WithName("fitSurrogateMultipart")
            .WithSummary("Fits a surrogate from a multipart/form-data body: part `request` (the fit request as JSON, without its arrays), then .npy parts " +
                "(float64 or float32, C order) `points` (n × d), `values` (n) and optionally `noiseVariances` (n).")
            .Accepts<FitMultipartForm>("multipart/form-data")
            .AsHeavyWork()
            .RunsAsJob(SurrogateFitMultipartJob.KindName);
        group.MapPost("/predict/multipart", Predict)
            .WithName("predictSurrogateMultipart")
            .WithSummary("Predicts from a multipart/form-data body: part `request` (a predict request whose `model` or `fit` lacks its arrays), .npy parts " +
                "`model.points`/`model.values`(/`model.noiseVariances`) or `fit.points`/`fit.values`(/`fit.noiseVariances`), and the query points as part `points`.")
            .Accepts<PredictMultipartForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static async Task<Results<Ok<FitResponse>, ValidationProblem, ProgressStreamResult>> Fit(
        HttpRequest http, IOptions<LimitsOptions> limits, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        var errors = new RequestErrors();
        var form = await MultipartArrays<FitRequest>.ReadAsync(http, json.Value.SerializerOptions, limit.MaxMultipartBodyBytes,
            (request, name) => TrainingPart(request, name, "", limit), errors, cancellationToken);
        if (form is null)
            return errors.ToProblem();
        var plan = FitRequestReader.ReadWithArrays(form.Request, "", errors, limit, form.Points("points"), form.Vector("values", errors), form.Vector("noiseVariances", errors));
        return plan is null ? errors.ToProblem() : SurrogatesEndpoints.FitNow(plan, progress: null, cancellationToken);
    }

    private static async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> Predict(
        HttpRequest http, IOptions<LimitsOptions> limits, IOptions<JsonOptions> json, InlineFitGate gate, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        var errors = new RequestErrors();
        var form = await MultipartArrays<PredictRequest>.ReadAsync(http, json.Value.SerializerOptions, limit.MaxMultipartBodyBytes,
            (request, name) => PredictPart(request, name, limit), errors, cancellationToken);
        if (form is null)
            return errors.ToProblem();
        var request = form.Request;
        if ((request.Model is null) == (request.Fit is null))
        {
            errors.Add("model", "Give exactly one of 'model' (a fitted-model document) and 'fit' (a fit request).");
            return errors.ToProblem();
        }
        ArrayParts.RefuseBoth(request.Points, form.Points("points"), "points", errors);
        using var slot = await gate.EnterAsync(request.Fit is not null, http.HttpContext, cancellationToken);
        if (slot.Refused)
            return InlineFitGate.Busy();
        string source = request.Model is not null ? "model" : "fit";
        var points = form.Points(source + ".points");
        var values = form.Vector(source + ".values", errors);
        var noiseVariances = form.Vector(source + ".noiseVariances", errors);
        var fitted = request.Model is not null
            ? ModelDocumentReader.Read(request.Model, "model", errors, limit, points ?? MissingPart(source, errors), values, noiseVariances)
            : FitRequestReader.ReadWithArrays(request.Fit!, "fit", errors, limit, points, values, noiseVariances)?.Fit(errors, progress: null, cancellationToken);
        if (fitted is null || !errors.IsEmpty)
            return errors.ToProblem();
        var query = form.Points("points");
        if (query is null)
            errors.Add("points", "Is required, as a .npy part of shape (count, d).");
        else if (query.Dimension != fitted.Model.Data.Dimension)
            errors.Add("points", $"Has {query.Dimension} columns; the model has dimension {fitted.Model.Data.Dimension}.");
        if (!errors.IsEmpty)
            return errors.ToProblem();
        return SurrogatesEndpoints.PredictWith(fitted, query, request.IncludeStandardError, request.IncludeNoise, fromDocument: request.Model is not null, errors, limit, cancellationToken);
    }

    private static Numerics.Core.PointSet? MissingPart(string source, RequestErrors errors)
    {
        errors.Add(source + ".points", "Is required, as a .npy part of shape (n, d).");
        return null;
    }

    /// <summary>The training arrays' limits: the kind's most points (see <see cref="TrainingPointLimit"/>) and dimension.</summary>
    internal static (int Rows, int Columns)? TrainingPart(FitRequest request, string name, string prefix, LimitsOptions limits)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !TrainingArrays.Contains(name[prefix.Length..]))
            return null;
        var kind = SurrogateKinds.All.FirstOrDefault(k => string.Equals(k.Name, request.Kind, StringComparison.OrdinalIgnoreCase));
        int rows = TrainingPointLimit.For(kind, limits);
        return name.EndsWith("points", StringComparison.Ordinal) ? (rows, limits.MaxDimension) : (rows, 1);
    }

    private static (int Rows, int Columns)? PredictPart(PredictRequest request, string name, LimitsOptions limits)
    {
        if (name == "points")
            return (limits.MaxEvaluationPoints, limits.MaxDimension);
        if (request.Fit is { } fit)
            return TrainingPart(fit, name, "fit.", limits);
        if (request.Model is { } model && name.StartsWith("model.", StringComparison.Ordinal) && TrainingArrays.Contains(name["model.".Length..]))
        {
            var kind = SurrogateKinds.All.FirstOrDefault(k => string.Equals(k.Name, model.Kind, StringComparison.OrdinalIgnoreCase));
            int rows = TrainingPointLimit.For(kind, limits);
            return name.EndsWith("points", StringComparison.Ordinal) ? (rows, limits.MaxDimension) : (rows, 1);
        }
        return null;
    }
}

/// <summary>The parts of a multipart fit (for the API description): the JSON request and the .npy arrays.</summary>
public sealed record FitMultipartForm(string Request, IFormFile Points, IFormFile Values, IFormFile? NoiseVariances);

/// <summary>
/// The parts of a multipart predict (for the API description): the JSON request, the query points, and the training arrays
/// of its model or fit as parts named <c>model.points</c>, <c>model.values</c> or <c>fit.points</c>, <c>fit.values</c> (noiseVariances alike).
/// </summary>
public sealed record PredictMultipartForm(string Request, IFormFile Points);
