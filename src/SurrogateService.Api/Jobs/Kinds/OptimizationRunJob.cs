using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>An optimisation run (single- or multi-objective) as a job: a checkpoint after every round, resumed from the last one.</summary>
public sealed class OptimizationRunJob : IJobKind
{
    public const string KindName = "optimization.run";

    public string Name => KindName;

    public Type RequestType => typeof(RunRequest);

    public ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors) =>
        ValueTask.FromResult(OptimizationRunWork.Read((RunRequest)request, errors, limits) is null ? null : request);

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var errors = new RequestErrors();
        if (OptimizationRunWork.Read((RunRequest)request, errors, limits) is not { } work)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);
        return JobOutcome.Of(work.Execute(execution.Lines<RunEvaluationLine>(), execution, cancellationToken).Result, execution.Json);
    }
}
