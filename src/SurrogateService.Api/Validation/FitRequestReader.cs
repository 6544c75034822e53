using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>Validates a fit request into a <see cref="FitPlan"/>; fitting it is the plan's job.</summary>
public static class FitRequestReader
{
    /// <summary>Reads and fits in one go, for routes that fit on the way to something else.</summary>
    public static FittedSurrogate? Fit(FitRequest? request, string field, RequestErrors errors, LimitsOptions limits, CancellationToken cancellationToken) =>
        Read(request, field, errors, limits)?.Fit(errors, progress: null, cancellationToken);

    public static FitPlan? Read(FitRequest? request, string field, RequestErrors errors, LimitsOptions limits)
    {
        if (request is null)
        {
            errors.Add(field.Length == 0 ? "body" : field, "Is required.");
            return null;
        }
        string prefix = field.Length == 0 ? "" : field + ".";
        if (string.Equals(request.Kind, AutoSurrogate.Name, StringComparison.OrdinalIgnoreCase))
            return ReadAuto(request, prefix, errors, limits);

        var kind = NameLookup.Find(request.Kind, prefix + "kind", errors, SurrogateKinds.All, k => k.Name, alsoValid: AutoSurrogate.Name);
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind, request.LowFidelity, request.Gradients,
            TrainingPointLimit.For(kind, limits));
        return Plan(kind, data, request.Options, prefix, errors, limits);
    }

    /// <summary>
    /// A fit request whose points, values and noise variances came as .npy parts (already checked
    /// against the limits and for finite numbers); the JSON must not hold them too.
    /// </summary>
    public static FitPlan? ReadWithArrays(FitRequest request, string field, RequestErrors errors, LimitsOptions limits,
        Numerics.Core.PointSet? points, double[]? values, double[]? noiseVariances)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        string prefix = field.Length == 0 ? "" : field + ".";
        ArrayParts.RefuseBoth(request.Points, points, prefix + "points", errors);
        ArrayParts.RefuseBoth(request.Values, values, prefix + "values", errors);
        ArrayParts.RefuseBoth(request.NoiseVariances, noiseVariances, prefix + "noiseVariances", errors);
        if (points is null)
            errors.Add(prefix + "points", "Is required, as a .npy part of shape (n, d).");
        bool auto = string.Equals(request.Kind, AutoSurrogate.Name, StringComparison.OrdinalIgnoreCase);
        var kind = auto ? null : NameLookup.Find(request.Kind, prefix + "kind", errors, SurrogateKinds.All, k => k.Name, alsoValid: AutoSurrogate.Name);
        if (!errors.IsEmpty)
            return null;
        var data = TrainingDataReader.Read(points, values, noiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind, request.LowFidelity, request.Gradients);
        if (auto)
        {
            RefuseAutoOptions(request, prefix, errors);
            return data is null || !errors.IsEmpty ? null : new FitPlan(data, prefix, Kind: null, Options: null);
        }
        return Plan(kind, data, request.Options, prefix, errors, limits);
    }

    /// <summary>Binds the kind's options to checked data (resolving Kriging's approximation) into a plan.</summary>
    public static FitPlan? Plan(ISurrogateKind? kind, TrainingSet? data, System.Text.Json.JsonElement? givenOptions, string prefix, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var options = kind is null ? null : OptionsBinder.Bind(givenOptions, kind.Options, prefix + "options", errors, data?.Dimension);
        if (!errors.IsEmpty || kind is null || data is null || options is null)
            return null;
        var resolved = TrainingPointLimit.Resolve(kind, options, data.Count, prefix, errors, limits);
        // The fit's document records the trend the fit uses; a document's own 'auto' trend is read by its parameters instead.
        if (resolved is not null && kind is KrigingKind)
            resolved = KrigingKind.ResolveTrend(resolved, data);
        return resolved is null ? null : new FitPlan(data, prefix, kind, resolved);
    }

    private static FitPlan? ReadAuto(FitRequest request, string prefix, RequestErrors errors, LimitsOptions limits)
    {
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind: null, request.LowFidelity, request.Gradients);
        RefuseAutoOptions(request, prefix, errors);
        if (data is null || !errors.IsEmpty)
            return null;
        return new FitPlan(data, prefix, Kind: null, Options: null);
    }

    private static void RefuseAutoOptions(FitRequest request, string prefix, RequestErrors errors)
    {
        if (request.Options is { ValueKind: not System.Text.Json.JsonValueKind.Null } options
            && (options.ValueKind != System.Text.Json.JsonValueKind.Object || options.EnumerateObject().Any()))
            errors.Add(prefix + "options", "auto takes no options.");
    }
}
