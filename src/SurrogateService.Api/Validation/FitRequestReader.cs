using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Surrogates;

namespace SurrogateService.Api.Validation;

/// <summary>Validates a fit request and fits it; data the kind cannot fit (duplicates, singular systems) becomes a field error.</summary>
public static class FitRequestReader
{
    public static FittedSurrogate? Fit(FitRequest? request, string field, RequestErrors errors, LimitsOptions limits, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            errors.Add(field.Length == 0 ? "body" : field, "Is required.");
            return null;
        }
        string prefix = field.Length == 0 ? "" : field + ".";
        if (string.Equals(request.Kind, AutoSurrogate.Name, StringComparison.OrdinalIgnoreCase))
            return FitAuto(request, prefix, errors, limits, cancellationToken);

        var kind = NameLookup.Find(request.Kind, prefix + "kind", errors, SurrogateKinds.All, k => k.Name, alsoValid: AutoSurrogate.Name);
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind, request.LowFidelity);
        var options = kind is null ? null : OptionsBinder.Bind(request.Options, kind.Options, prefix + "options", errors, data?.Dimension);
        if (!errors.IsEmpty || kind is null || data is null || options is null)
            return null;
        return Guard(() => new FittedSurrogate(kind, options, kind.Fit(data, options, cancellationToken)), prefix, errors);
    }

    private static FittedSurrogate? FitAuto(FitRequest request, string prefix, RequestErrors errors, LimitsOptions limits, CancellationToken cancellationToken)
    {
        var data = TrainingDataReader.Read(request.Points, request.Values, request.NoiseVariances, request.LowerBound, request.UpperBound, prefix, errors, limits, kind: null, request.LowFidelity);
        if (request.Options is { ValueKind: not System.Text.Json.JsonValueKind.Null } options
            && (options.ValueKind != System.Text.Json.JsonValueKind.Object || options.EnumerateObject().Any()))
            errors.Add(prefix + "options", "auto takes no options.");
        if (data is null || !errors.IsEmpty)
            return null;
        return Guard(() => AutoSurrogate.Select(data, cancellationToken), prefix, errors);
    }

    private static FittedSurrogate? Guard(Func<FittedSurrogate> fit, string prefix, RequestErrors errors)
    {
        try
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var fitted = fit();
            Hosting.ServiceMetrics.SurrogateFitted(fitted.Kind.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return fitted;
        }
        catch (SurrogateFitException ex)
        {
            errors.Add(prefix + (ex.Field ?? "points"), ex.Message);
            return null;
        }
    }
}
