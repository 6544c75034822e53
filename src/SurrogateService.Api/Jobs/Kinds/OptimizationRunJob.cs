using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Validation;
using SurrogateService.Api.Work;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>An optimisation run as a job: a checkpoint after every round, resumed from the last one.</summary>
public sealed class OptimizationRunJob : IJobKind
{
    public const string KindName = "optimization.run";

    public string Name => KindName;

    public Type RequestType => typeof(RunRequest);

    public bool Validate(object request, LimitsOptions limits, RequestErrors errors) =>
        OptimizationRunWork.Read((RunRequest)request, errors, limits) is not null;

    public IResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var errors = new RequestErrors();
        if (OptimizationRunWork.Read((RunRequest)request, errors, limits) is not { } work)
            return errors.ToProblem();
        return work.Execute(execution.Lines<RunEvaluationLine>(), execution.ResumeState<RunCheckpoint>(), execution.Checkpoint, cancellationToken).Result;
    }
}
