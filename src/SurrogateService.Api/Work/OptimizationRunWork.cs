using Microsoft.AspNetCore.Http.HttpResults;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Work;

/// <summary>
/// The work of <c>POST /v1/optimization/runs</c>, read once and shared by the plain answer, the
/// progress stream and the job, so that all three return the same response. Runs, single- and
/// multi-objective, checkpoint after every round and resume from a checkpoint.
/// </summary>
public sealed class OptimizationRunWork
{
    private delegate RunResponse Runner(IProgress<RunEvaluationLine>? progress, IWorkCheckpoints? checkpoints, CancellationToken cancellationToken);

    private readonly Runner _run;

    private OptimizationRunWork(Runner run) => _run = run;

    /// <summary>The request read with these limits; null, with <paramref name="errors"/> filled, when it is refused.</summary>
    public static OptimizationRunWork? Read(RunRequest request, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OptimizationRequestReader.IsMultiObjectiveProblem(request.Function))
        {
            if (OptimizationRequestReader.ReadMultiObjectiveRun(request, errors, limits) is not var (problem, box, settings, reference))
                return null;
            void Evaluate(ReadOnlySpan<double> point, Span<double> objectives)
            {
                ServiceMetrics.ObjectiveEvaluated(problem.Name);
                problem.Evaluate(point, objectives, []);
            }
            return new((progress, checkpoints, token) => OptimizationMapping.ToResponse(MultiObjectiveRun.Minimize(
                Evaluate, problem.ObjectiveCount, box, settings, reference, Lines<MultiObjectiveRunProgress>(progress, OptimizationMapping.ToLine),
                checkpoints?.ResumeState<MultiObjectiveRunCheckpoint>(), checkpoints is null ? null : checkpoints.Checkpoint, token)));
        }
        if (OptimizationRequestReader.ReadRun(request, errors, limits) is not var (function, singleBox, singleSettings))
            return null;
        double Objective(ReadOnlySpan<double> point)
        {
            ServiceMetrics.ObjectiveEvaluated(function.Name);
            return function.Evaluate(point);
        }
        return new((progress, checkpoints, token) => OptimizationMapping.ToResponse(OptimizationRun.Minimize(
            Objective, singleBox, singleSettings, Lines<RunProgress>(progress, OptimizationMapping.ToLine),
            checkpoints?.ResumeState<RunCheckpoint>(), checkpoints is null ? null : checkpoints.Checkpoint, token)));
    }

    /// <param name="progress">Told one line per evaluation made in this call.</param>
    /// <param name="checkpoints">A job's checkpoints (null synchronously): the run resumes from the last one, and stores one after the initial plan and after every round.</param>
    public Results<Ok<RunResponse>, ValidationProblem> Execute(
        IProgress<RunEvaluationLine>? progress, IWorkCheckpoints? checkpoints, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(_run(progress, checkpoints, cancellationToken));
        }
        catch (OptimizationException ex)
        {
            var errors = new RequestErrors();
            errors.Add(ex.Field ?? "initialSamples", ex.Message);
            return errors.ToProblem();
        }
    }

    private static IProgress<T>? Lines<T>(IProgress<RunEvaluationLine>? lines, Func<T, RunEvaluationLine> toLine) =>
        lines is null ? null : new LineProgress<T>(report => lines.Report(toLine(report)));

    /// <summary>Reports on the reporting thread, in order (System.Progress would post to the thread pool).</summary>
    private sealed class LineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
