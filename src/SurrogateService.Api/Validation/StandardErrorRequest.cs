using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Checks a request for standard errors: the kind must have them, and their cost — one triangular
/// solve of the training size per point, points × n² (co-Kriging: the low level's n_low² and the high level's, one n² per
/// quadrature node of its θ, see <see cref="CoKrigingModel.HighFidelityStandardErrorWork"/>, and the low level's likewise) —
/// must stay within <c>Limits:MaxStandardErrorWork</c>.
/// </summary>
public static class StandardErrorRequest
{
    public const string Field = "includeStandardError";

    /// <summary>The noise variance <c>includeNoise</c> adds to the standard errors, or null with a field error when there is none to add.</summary>
    public static double? NoiseVariance(FittedSurrogate fitted, bool withStandardErrors, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(errors);
        if (!withStandardErrors)
        {
            errors.Add("includeNoise", "Needs includeStandardError: true (it widens the standard errors to those of a new observation).");
            return null;
        }
        if (ObservationNoise.VarianceOf(fitted.Model) is double variance)
            return variance;
        errors.Add("includeNoise", fitted.Model is KrigingModel or NearestNeighbourKrigingModel
            ? "The noise variances differ from point to point (noiseVariances), so the noise of a new observation is unknown."
            : $"{fitted.Kind.Name} has no noise variance; only kriging models one.");
        return null;
    }

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
        var data = fitted.Model.Data;
        if (fitted.Model is NearestNeighbourKrigingModel nearest)
        {
            // One solve with the m_pred nearest training points per point: m_pred³ (its factorisation) dominates.
            double m = nearest.PredictionNeighbours, localWork = points * m * m * m;
            if (localWork > limits.MaxStandardErrorWork)
                errors.Add(Field, $"Standard errors for {points} points conditioned on {m} neighbours cost points × m³ = {localWork:G3}, " +
                    $"over the limit {limits.MaxStandardErrorWork:G3} (Limits:MaxStandardErrorWork); ask for fewer points.");
            return;
        }
        // A gradient-enhanced model solves with one row per value and per gradient component.
        double n = data.ObservationCount, low = data.LowFidelity?.Count ?? 0;
        double high = data.LowFidelity is null ? n * n : CoKrigingModel.HighFidelityStandardErrorWork(data.Count);
        double work = points * (high + (data.LowFidelity is null ? 0 : CoKrigingModel.LowFidelityStandardErrorWork(data.LowFidelity.Count)));
        if (work > limits.MaxStandardErrorWork)
        {
            string training = low > 0 ? $"{n} + {low} low-fidelity training points cost points × (n² per quadrature node of θ + n_low² per node of the low level's θ)"
                : data.Gradients is null ? $"{n} training points cost points × n²" : $"{n} values and gradient components cost points × n²";
            errors.Add(Field, $"Standard errors for {points} points on {training} = {work:G3}, " +
                $"over the limit {limits.MaxStandardErrorWork:G3} (Limits:MaxStandardErrorWork); ask for fewer points.");
        }
    }
}
