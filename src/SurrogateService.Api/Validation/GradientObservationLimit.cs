namespace SurrogateService.Api.Validation;

/// <summary>Keeps a gradient-enhanced fit within <c>Limits:MaxGradientObservations</c>: its matrix has one row per value and per gradient component.</summary>
public static class GradientObservationLimit
{
    /// <returns>False, with an error on <paramref name="field"/>, when values plus gradient components exceed the limit.</returns>
    public static bool Check(double[]?[] gradients, int values, string field, RequestErrors errors, int maxObservations)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(errors);
        long observations = values + gradients.Sum(g => (long)(g?.Length ?? 0));
        if (observations <= maxObservations)
            return true;
        errors.Add(field, $"Values and gradient components number {observations}, over the limit {maxObservations} (Limits:MaxGradientObservations): " +
            "give gradients at fewer points (null where not needed).");
        return false;
    }
}
