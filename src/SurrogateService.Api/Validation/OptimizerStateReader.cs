using SurrogateService.Api.Contracts;
using SurrogateService.Numerics.Optimization;

namespace SurrogateService.Api.Validation;

/// <summary>
/// A state the client sent back is client input: the strategy checks every field (negative
/// counters, a step size ≤ 0, a θ of the wrong length, a state of another strategy), and each
/// problem becomes an error named <c>state.field</c>.
/// </summary>
public static class OptimizerStateReader
{
    /// <param name="valid">False when the state had errors (a null result then means "invalid", not "first call").</param>
    public static OptimizerState? Read(OptimizerStateInfo? info, IOptimizationStrategy strategy, int dimension, RequestErrors errors, out bool valid)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        valid = true;
        if (info is null)
            return null;
        if (string.IsNullOrEmpty(info.Strategy))
            errors.Add("state.strategy", "Is required.");
        if (info.Iteration is null)
            errors.Add("state.iteration", "Is required.");
        if (string.IsNullOrEmpty(info.Strategy) || info.Iteration is null)
        {
            valid = false;
            return null;
        }
        var state = new OptimizerState
        {
            Strategy = info.Strategy,
            Iteration = info.Iteration.Value,
            BestValue = info.BestValue,
            StepSize = info.StepSize,
            Successes = info.Successes,
            Failures = info.Failures,
            CycleIndex = info.CycleIndex,
            InitialPoints = info.InitialPoints,
            Theta = info.Theta,
            ThetaPoints = info.ThetaPoints,
            ObjectiveThetas = info.ObjectiveThetas,
        };
        foreach (var problem in strategy.CheckState(state, dimension))
        {
            errors.Add("state." + problem.Field, problem.Message);
            valid = false;
        }
        return valid ? state : null;
    }
}
