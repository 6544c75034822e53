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
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind, request.LowFidelity, request.Gradients);
        var options = kind is null ? null : OptionsBinder.Bind(request.Options, kind.Options, prefix + "options", errors, data?.Dimension);
        if (!errors.IsEmpty || kind is null || data is null || options is null)
            return null;
        return new FitPlan(data, prefix, kind, options);
    }

    private static FitPlan? ReadAuto(FitRequest request, string prefix, RequestErrors errors, LimitsOptions limits)
    {
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind: null, request.LowFidelity, request.Gradients);
        if (request.Options is { ValueKind: not System.Text.Json.JsonValueKind.Null } options
            && (options.ValueKind != System.Text.Json.JsonValueKind.Object || options.EnumerateObject().Any()))
            errors.Add(prefix + "options", "auto takes no options.");
        if (data is null || !errors.IsEmpty)
            return null;
        return new FitPlan(data, prefix, Kind: null, Options: null);
    }
}
