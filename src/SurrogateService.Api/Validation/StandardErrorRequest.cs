using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Checks a request for standard errors: the kind must have them, and their cost — one triangular
/// solve of the training size per point, points × n² — must stay within <c>Limits:MaxStandardErrorWork</c>.
/// </summary>
public static class StandardErrorRequest
{
    public const string Field = "includeStandardError";

    public static void Check(FittedSurrogate fitted, int points, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(limits);
        if (!fitted.Kind.HasStandardError)
        {
            errors.Add(Field, $"{fitted.Kind.Name} has no standard error; kinds that do: " +
                string.Join(", ", SurrogateKinds.All.Where(k => k.HasStandardError).Select(k => k.Name)) + ".");
            return;
        }
        double n = fitted.Model.Data.Count;
        double work = points * n * n;
        if (work > limits.MaxStandardErrorWork)
        {
            errors.Add(Field, $"Standard errors for {points} points on {n} training points cost points × n² = {work:G3}, " +
                $"over the limit {limits.MaxStandardErrorWork:G3} (Limits:MaxStandardErrorWork); ask for fewer points.");
        }
    }
}
