using SurrogateService.Api.Contracts;
using SurrogateService.Api.Endpoints;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>A surrogate fit (<c>POST /v1/surrogates/fit</c>) as a job; the automatic choice (<c>auto</c>) checkpoints after every candidate.</summary>
public sealed class SurrogateFitJob : IJobKind
{
    public const string KindName = "surrogates.fit";

    public string Name => KindName;

    public Type RequestType => typeof(FitRequest);

    public ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors) =>
        ValueTask.FromResult(FitRequestReader.Read((FitRequest)request, "", errors, limits) is null ? null : request);

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var errors = new RequestErrors();
        if (FitRequestReader.Read((FitRequest)request, "", errors, limits) is not { } plan)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);
        return JobOutcome.Of(SurrogatesEndpoints.FitNow(plan, execution.Lines<Numerics.Surrogates.FitProgress, FitStageLine>(SurrogateMapping.ToLine), cancellationToken, execution), execution.Json);
    }
}
