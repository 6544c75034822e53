using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Mapping;

/// <summary>Turns suggestions, run results and strategies into contract records; NaN (a failed evaluation, a fallback point) becomes null.</summary>
public static class OptimizationMapping
{
    public static SuggestResponse ToResponse(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return new SuggestResponse(
            suggestion.Points.ToRows(),
            suggestion.Acquisition.Select(NullIfNaN).ToArray(),
            ToInfo(suggestion.State),
            ToInfo(suggestion.Incumbent),
            suggestion.Warnings,
            suggestion.Feasible,
            ToInfo(suggestion.ParetoFront));
    }

    public static RunResponse ToResponse(MultiObjectiveRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RunResponse(
            null,
            result.Trace.Select(t => new TraceEntryInfo(t.Point, null, null, t.Values.Select(NullIfNaN).ToArray(), t.Hypervolume)).ToArray(),
            result.Evaluations,
            result.Warnings,
            ParetoFront: ToInfo(result.Front));
    }

    public static RunEvaluationLine ToLine(MultiObjectiveRunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var entry = progress.Latest;
        return new RunEvaluationLine(progress.Evaluations, progress.MaxEvaluations, entry.Point, null, null, entry.Values.Select(NullIfNaN).ToArray(), entry.Hypervolume);
    }

    public static RunResponse ToResponse(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RunResponse(
            ToInfo(result.Best),
            result.Trace.Select(t => new TraceEntryInfo(t.Point, NullIfNaN(t.Value), NullIfNaN(t.BestSoFar))).ToArray(),
            result.Evaluations,
            result.Warnings,
            result.BestTrueValue);
    }

    public static RunEvaluationLine ToLine(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var entry = progress.Latest;
        return new RunEvaluationLine(progress.Evaluations, progress.MaxEvaluations, entry.Point, NullIfNaN(entry.Value), NullIfNaN(entry.BestSoFar));
    }

    public static StrategyInfo ToInfo(IOptimizationStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new StrategyInfo(strategy.Name, strategy.Description, strategy.DefaultSurrogate.Kind.Name,
            SurrogateMapping.ToJson(strategy.DefaultSurrogate.Options), strategy.Options.Select(OptionInfo.From).ToArray());
    }

    private static OptimizerStateInfo ToInfo(OptimizerState state) => new(
        state.Strategy, state.Iteration, state.BestValue, state.StepSize, state.Successes, state.Failures,
        state.CycleIndex, state.InitialPoints, state.Theta, state.ThetaPoints, state.ObjectiveThetas);

    private static CurrentParetoFrontInfo? ToInfo(ParetoFront? front) => front is null
        ? null
        : new CurrentParetoFrontInfo(front.Points.ToRows(), front.Values, front.ReferencePoint, front.ReferencePointDerived, front.Hypervolume);

    private static IncumbentInfo? ToInfo(Incumbent? incumbent) => incumbent switch
    {
        null => null,
        { IsPosteriorMean: true } => new IncumbentInfo(incumbent.Point, incumbent.Value, IncumbentInfo.PosteriorMean, incumbent.ObservedValue),
        _ => new IncumbentInfo(incumbent.Point, incumbent.Value),
    };

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
