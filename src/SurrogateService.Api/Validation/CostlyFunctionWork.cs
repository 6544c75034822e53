using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Validation;

/// <summary>
/// A simulation-backed function (<see cref="ICostlyFunction"/>) costs a solver run per point: the
/// evaluations of one request are bounded by <see cref="LimitsOptions.MaxCostlyFunctionWork"/>.
/// </summary>
public static class CostlyFunctionWork
{
    public static void Check(IBenchmarkFunction? function, long? evaluations, string field, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        if (function is not ICostlyFunction costly || evaluations is not long count)
            return;
        double work = (double)count * costly.WorkPerEvaluation;
        if (work > limits.MaxCostlyFunctionWork)
        {
            errors.Add(field, $"{function.Name} runs a simulation per point: {count} evaluations cost {work:G3} cell updates; " +
                $"the limit is {limits.MaxCostlyFunctionWork:G3} (Limits:MaxCostlyFunctionWork), i.e. {limits.MaxCostlyFunctionWork / costly.WorkPerEvaluation:F0} evaluations.");
        }
    }
}
