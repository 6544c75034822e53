using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Sampling;

namespace SurrogateService.Api.Validation;

/// <summary>The points a function figure overlays: drawn from a sampling plan in the domain, or given; at most one of the two.</summary>
public static class PlotPointsReader
{
    public static (PointSet? Points, string Label) Read(PlotSampling? samples, double[][]? points, Box domain, RequestErrors errors, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (samples is not null && points is not null)
        {
            errors.Add("samples", "Give at most one of 'samples' (a sampling plan) and 'points'.");
            return (null, "");
        }
        if (points is not null)
        {
            var given = PointsValidator.Validate(points, "points", errors, limits.MaxEvaluationPoints, domain.Dimension);
            return (given, $"{points.Length} points");
        }
        return samples is null ? (null, "") : Sample(samples, domain, errors, limits);
    }

    private static (PointSet? Points, string Label) Sample(PlotSampling samples, Box domain, RequestErrors errors, LimitsOptions limits)
    {
        var method = NameLookup.Find(samples.Method, "samples.method", errors, SamplingMethods.All, m => m.Name);
        if (samples.Count is not int count || count < 1 || count > limits.MaxSampleCount)
            errors.Add("samples.count", $"Is required, between 1 and {limits.MaxSampleCount}.");
        if (samples.Seed is < 0)
            errors.Add("samples.seed", "Must be a non-negative integer.");
        var options = method is null ? null : OptionsBinder.Bind(samples.Options, method.Options, "samples.options", errors);
        if (method is null || options is null || !errors.IsEmpty)
            return (null, "");
        try
        {
            // Seed 0 by default: the same request always draws the same figure.
            var drawn = method.Sample(samples.Count!.Value, domain, options, (ulong)(samples.Seed ?? 0));
            return (drawn, $"{drawn.Count} {method.Name} points");
        }
        catch (ArgumentException ex)
        {
            errors.Add(ex.ParamName == "options" ? "samples.options" : "samples.count",
                ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
            return (null, "");
        }
    }
}
