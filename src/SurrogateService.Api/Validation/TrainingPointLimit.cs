using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>
/// Limits per approximation: exact fits take up to <c>Limits:MaxExactTrainingPoints</c>, nearest-neighbour
/// Kriging up to <c>Limits:MaxNearestNeighbourTrainingPoints</c>; Kriging's 'auto' is exact up to the exact limit.
/// </summary>
public static class TrainingPointLimit
{
    /// <summary>
    /// The most points a request of this kind may carry, checked before its options are bound: Kriging's
    /// largest (its approximation is checked against its own limit in <see cref="Resolve"/>), the exact limit for every other kind.
    /// </summary>
    public static int For(ISurrogateKind? kind, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return kind is KrigingKind ? Math.Max(limits.MaxExactTrainingPoints, limits.MaxNearestNeighbourTrainingPoints) : limits.MaxExactTrainingPoints;
    }

    /// <summary>The options with Kriging's 'auto' resolved by the exact limit; null (with a field error) for an exact fit over it.</summary>
    public static OptionValues? Resolve(ISurrogateKind kind, OptionValues options, int count, string prefix, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        if (kind is not KrigingKind)
            return options;
        var resolved = KrigingKind.ResolveApproximation(options, count, limits.MaxExactTrainingPoints);
        if (resolved.Text("approximation") == KrigingKind.NearestNeighbour && count > limits.MaxNearestNeighbourTrainingPoints)
        {
            errors.Add(prefix + "points", $"Has {count} points; nearest-neighbour Kriging takes at most {limits.MaxNearestNeighbourTrainingPoints} (Limits:MaxNearestNeighbourTrainingPoints).");
            return null;
        }
        if (resolved.Text("approximation") == KrigingKind.Exact && count > limits.MaxExactTrainingPoints)
        {
            errors.Add(prefix + "points", $"Has {count} points; exact Kriging takes at most {limits.MaxExactTrainingPoints} (Limits:MaxExactTrainingPoints). " +
                $"Approximation 'nearestNeighbour' or 'auto' takes up to {limits.MaxNearestNeighbourTrainingPoints}.");
            return null;
        }
        return resolved;
    }
}
