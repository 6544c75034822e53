using System.Text.Json;
using System.Text.Json.Nodes;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Endpoints;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Models;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// <c>POST /v1/models</c> with a fit request as a job: fits, then stores the model under the caller who submitted it
/// and answers as the route does (201 with Location, or 200 when the caller had the model already). Storing is
/// idempotent (the id is the hash of the document), so an attempt killed after storing only stores the same bytes
/// again; whether the model was new is checkpointed before the store is written, so the resumed attempt answers
/// 201 as the first would have. A model document (no fit) is light and stored synchronously whatever the preference.
/// </summary>
public sealed class ModelStoreJob(IModelStore store) : IJobKind
{
    public const string KindName = "models.store";

    public string Name => KindName;

    public Type RequestType => typeof(StoreModelRequest);

    public Type StoredRequestType => typeof(StoredModelFit);

    public bool IsHeavy(object request) => ((StoreModelRequest)request).Fit is not null;

    public ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(errors);
        var store = (StoreModelRequest)request;
        if (store.Model is not null)
        {
            errors.Add("model", "Give exactly one of 'model' (a fitted-model document) and 'fit' (a fit request).");
            return ValueTask.FromResult<object?>(null);
        }
        // The worker has no caller: the model's owner travels with the request.
        string owner = http.RequestServices.GetRequiredService<ModelSource>().OwnerOf(http);
        return ValueTask.FromResult<object?>(FitRequestReader.Read(store.Fit, "fit", errors, limits) is null ? null : new StoredModelFit(store.Fit!, owner));
    }

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var job = (StoredModelFit)request;
        var errors = new RequestErrors();
        var phases = new FitPhase(execution);
        var fitted = FitRequestReader.Read(job.Fit, "fit", errors, limits)?.Fit(errors, progress: null, cancellationToken, phases);
        if (fitted is null)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);

        byte[] canonical = CanonicalModel.Of(fitted);
        string id = ModelId.Of(canonical);
        if (execution.ResumeState<ModelStoreCheckpoint>()?.HadModel is not bool hadModel)
        {
            hadModel = store.ExistsAsync(job.ModelOwner, id, cancellationToken).GetAwaiter().GetResult();
            // Stored before the model is, so that every attempt from here on answers as this one would (201 or 200).
            execution.CheckpointNow(new ModelStoreCheckpoint(phases.Last, hadModel));
        }
        store.PutAsync(job.ModelOwner, id, canonical, cancellationToken).GetAwaiter().GetResult();
        var body = ModelsEndpoints.ResponseOf(id, canonical.LongLength, fitted, fromFit: true);
        return new JobResult(hadModel ? StatusCodes.Status200OK : StatusCodes.Status201Created,
            new BinaryData(JsonSerializer.SerializeToUtf8Bytes(body, execution.Json)), JobOutcome.Json, Location: ModelsEndpoints.Location(id));
    }

    /// <summary>The stored request: the fit, and the owner segment (<see cref="ModelOwner"/>) of the caller who submitted it.</summary>
    public sealed record StoredModelFit(FitRequest Fit, string ModelOwner);

    /// <summary>The job's state: the fit's own checkpoint, and once known whether the owner had the model before this job stored it.</summary>
    public sealed record ModelStoreCheckpoint(JsonNode? Fit, bool? HadModel);

    /// <summary>The fit's checkpoints, kept inside the job's state.</summary>
    private sealed class FitPhase(JobExecution execution) : IWorkCheckpoints
    {
        public JsonNode? Last { get; private set; } = execution.ResumeState<ModelStoreCheckpoint>()?.Fit;

        public T? ResumeState<T>() where T : class => Last?.Deserialize<T>(JobExecution.StateJson);

        public void Checkpoint<T>(T state) where T : notnull
        {
            Last = JsonSerializer.SerializeToNode(state, JobExecution.StateJson);
            execution.Checkpoint(new ModelStoreCheckpoint(Last, HadModel: null));
        }
    }
}
