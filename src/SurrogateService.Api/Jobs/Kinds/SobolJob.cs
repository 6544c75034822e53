using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Models;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;
using SurrogateService.Numerics.Sensitivity;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// A Sobol' study (<c>POST /v1/sensitivity/sobol</c>) as a job, checkpointed after every block of the design. A stored model (<c>modelId</c>) is read at
/// submission, as the caller, and its document travels with the job (beside the id, which names the
/// field of an error as the route would): the worker has no caller to read the store as.
/// </summary>
public sealed class SobolJob : IJobKind
{
    public const string KindName = "sensitivity.sobol";

    public string Name => KindName;

    public Type RequestType => typeof(SobolRequest);

    public async ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(http);
        var study = (SobolRequest)request;
        int? dimension;
        if (study.Fit is not null && study.Model is null && study.ModelId is null)
        {
            // Fitting is the job's work; its plan knows the dimension.
            dimension = FitRequestReader.Read(study.Fit, "fit", errors, limits)?.Data.Dimension;
        }
        else
        {
            var source = http.RequestServices.GetRequiredService<ModelSource>();
            var fitted = await source.ReadAsync(study.Model, study.ModelId, study.Fit, http, errors, http.RequestAborted);
            dimension = fitted?.Model.Data.Dimension;
            if (fitted is not null && study.ModelId is not null)
                study = study with { Model = SurrogateMapping.ToDocument(fitted) };
        }
        return dimension is int d && SobolWork.ReadSettings(study, d, errors, limits) is not null ? study : null;
    }

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var study = (SobolRequest)request;
        var errors = new RequestErrors();
        var fitted = study.Model is not null
            ? ModelDocumentReader.Read(study.Model, "model", errors, limits)
            : FitRequestReader.Fit(study.Fit, "fit", errors, limits, cancellationToken);
        if (fitted is null || SobolWork.ReadSettings(study, fitted.Model.Data.Dimension, errors, limits) is not { } settings)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);
        string modelField = study.ModelId is not null ? "modelId" : study.Model is not null ? "model" : "fit";
        var lines = execution.Lines<SobolProgress, SobolStageLine>(SobolWork.ToLine);
        return JobOutcome.Of(SobolWork.Compute(fitted.Model, settings, modelField, lines, execution, cancellationToken).Result, execution.Json);
    }
}
