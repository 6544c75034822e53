using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Jobs.Kinds;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Models;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Endpoints;

/// <summary>
/// The model store: fitted models kept server-side under their caller by a content-derived id, so that
/// predictions name a model (<c>modelId</c>) instead of sending its document every time.
/// </summary>
public static class ModelsEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    public static RouteGroupBuilder MapModels(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/models").WithTags("Models")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/", Store)
            .WithName("storeModel")
            .WithSummary("Stores a model document, or fits a fit request and stores the result: 201 with Location /v1/models/{id} and the ETag, or 200 when you had stored it already. The id is the SHA-256 of the canonical document, so a model never changes under its id.")
            .WithDescription("A fit takes a heavy-work slot (429 with Retry-After when none is free) and, like `POST /v1/surrogates/fit`, has the heavy request timeout; storing a document takes no slot. " +
                "A fit with `Prefer: respond-async` runs as a job (its result is this route's 201 or 200 answer with Location); a document is stored at once whatever the preference.")
            .RunsAsJob(ModelStoreJob.KindName)
            // The timeout is the endpoint's, chosen before the body says whether it fits: the heavy one, so that a
            // fit gets the time /v1/surrogates/fit gets; a document's rebuild is bounded by the size limits anyway.
            .WithRequestTimeout(HeavyWorkSetup.Policy)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", List)
            .WithName("listModels")
            .WithSummary("Lists your stored models in id order, a page at a time.");
        group.MapGet("/{id}", Get)
            .WithName("getModel")
            .WithSummary("Your stored model's document; 304 when If-None-Match holds its ETag.")
            .Produces<ModelDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", Delete)
            .WithName("deleteModel")
            .WithSummary("Deletes your stored model (another caller's copy of the same document stays theirs).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<StoredModelResponse>, Ok<StoredModelResponse>, ValidationProblem, ProblemHttpResult>> Store(
        StoreModelRequest request, ModelSource source, InlineFitGate gate, IOptions<LimitsOptions> limits, HttpContext context, CancellationToken cancellationToken)
    {
        using var slot = await gate.EnterAsync(request.Fit is not null, context, cancellationToken);
        if (slot.Refused)
            return InlineFitGate.Busy();
        var errors = new RequestErrors();
        if ((request.Model is null) == (request.Fit is null))
        {
            errors.Add("model", "Give exactly one of 'model' (a fitted-model document) and 'fit' (a fit request).");
            return errors.ToProblem();
        }
        var fitted = request.Model is not null
            ? source.Document(request.Model, "model", errors)
            : FitRequestReader.Fit(request.Fit, "fit", errors, limits.Value, cancellationToken);
        if (fitted is null)
            return errors.ToProblem();

        var (id, created, bytes) = await source.StoreAsync(source.OwnerOf(context), fitted, cancellationToken);
        var body = ResponseOf(id, bytes, fitted, fromFit: request.Fit is not null);
        string location = Location(id);
        context.Response.Headers.ETag = ETagOf(id);
        if (created)
            return TypedResults.Created(location, body);
        context.Response.Headers.Location = location;
        return TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<StoredModelList>, ValidationProblem>> List(
        ModelSource source, IModelStore store, HttpContext context, CancellationToken cancellationToken,
        [FromQuery] string? continuation = null, [FromQuery] int? pageSize = null)
    {
        var errors = new RequestErrors();
        int size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
            errors.Add("pageSize", $"Must be between 1 and {MaxPageSize}.");
        if (continuation is { Length: 0 or > 4_096 })
            errors.Add("continuation", "Must be the continuation of the previous page.");
        if (!errors.IsEmpty)
            return errors.ToProblem();
        try
        {
            var page = await store.ListAsync(source.OwnerOf(context), continuation, size, cancellationToken);
            return TypedResults.Ok(new StoredModelList(
                page.Models.Select(m => new StoredModelInfo(m.Id, m.SizeBytes, m.StoredAt)).ToArray(), page.Continuation));
        }
        catch (InvalidContinuationException ex)
        {
            errors.Add("continuation", ex.Message);
            return errors.ToProblem();
        }
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem>> Get(
        string id, ModelSource source, IModelStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (Malformed(id) is { } problem)
            return problem;
        string owner = source.OwnerOf(context);
        string etag = ETagOf(id);
        context.Response.Headers.ETag = etag;
        // Stored models never change, so a client holding the ETag holds the document: only its existence is checked.
        if (context.Request.Headers.IfNoneMatch.Any(value => value is not null && (value.Contains(etag, StringComparison.Ordinal) || value.Trim() == "*")))
        {
            return await store.ExistsAsync(owner, id, cancellationToken)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : throw new ModelNotFoundException("id", id);
        }
        byte[] document = await store.GetAsync(owner, id, cancellationToken) ?? throw new ModelNotFoundException("id", id);
        return TypedResults.File(document, "application/json");
    }

    private static async Task<Results<NoContent, ValidationProblem>> Delete(
        string id, ModelSource source, HttpContext context, CancellationToken cancellationToken)
    {
        if (Malformed(id) is { } problem)
            return problem;
        return await source.DeleteAsync(source.OwnerOf(context), id, cancellationToken)
            ? TypedResults.NoContent()
            : throw new ModelNotFoundException("id", id);
    }

    private static ValidationProblem? Malformed(string id)
    {
        if (ModelId.IsWellFormed(id))
            return null;
        var errors = new RequestErrors();
        errors.Add("id", ModelId.FormatMessage);
        return errors.ToProblem();
    }

    public static string Location(string id) => "/v1/models/" + id;

    /// <summary>The answer's body for a stored model: what it is, and for a fit its diagnostics.</summary>
    internal static StoredModelResponse ResponseOf(string id, long bytes, FittedSurrogate fitted, bool fromFit)
    {
        var data = fitted.Model.Data;
        return new StoredModelResponse(id, fitted.Kind.Name, data.Dimension, data.Count, bytes, fromFit ? SurrogateMapping.ToDiagnostics(fitted) : null);
    }

    /// <summary>Strong: the id is the hash of the very bytes served.</summary>
    private static string ETagOf(string id) => new EntityTagHeaderValue('"' + id + '"').ToString();
}
