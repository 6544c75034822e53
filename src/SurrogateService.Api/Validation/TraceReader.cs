using SurrogateService.Api.Contracts;
using SurrogateService.Api.Rendering;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Minimisation;

namespace SurrogateService.Api.Validation;

/// <summary>Checks the <c>trace</c> of an optimisation run (points of one dimension, finite values) and summarises it.</summary>
public static class TraceReader
{
    private const string Field = "trace";

    public static PlottedTrace? Read(PlotTraceEntry[]? trace, (int Min, int Max) dimensionRange, RequestErrors errors, int maxCount)
    {
        if (trace is null || trace.Length == 0)
        {
            errors.Add(Field, "Must contain at least one evaluation.");
            return null;
        }
        if (trace.Length > maxCount)
        {
            errors.Add(Field, $"Has {trace.Length} evaluations; the limit is {maxCount}.");
            return null;
        }
        int d = trace[0]?.Point?.Length ?? 0;
        if (d < dimensionRange.Min || d > dimensionRange.Max)
        {
            errors.Add($"{Field}[0].point", dimensionRange.Min == dimensionRange.Max
                ? $"Has {d} coordinates, expected {dimensionRange.Min}."
                : $"Has {d} coordinates, expected between {dimensionRange.Min} and {dimensionRange.Max}.");
            return null;
        }

        var points = new PointSet(trace.Length, d);
        var values = new double[trace.Length];
        bool valid = true;
        for (int i = 0; i < trace.Length; i++)
            valid &= ReadEntry(trace[i], i, points[i], out values[i], errors);
        if (!valid)
            return null;

        // A trace from POST /v1/optimization/runs carries its best-so-far; one built by hand may not.
        var bestSoFar = trace.All(entry => entry.BestSoFar is not null)
            ? trace.Select(entry => entry.BestSoFar!.Value).ToArray()
            : MinimisationTrace.BestSoFar(values);
        return new PlottedTrace(points, values, bestSoFar, MinimisationTrace.BestIndex(values));
    }

    private static bool ReadEntry(PlotTraceEntry? entry, int i, Span<double> point, out double value, RequestErrors errors)
    {
        value = double.NaN;
        string field = $"{Field}[{i}]";
        if (entry is null)
        {
            errors.Add(field, "Must be an object with point and value.");
            return false;
        }
        bool valid = true;
        if (entry.Point is null || entry.Point.Length != point.Length)
        {
            errors.Add(field + ".point", $"Has {entry.Point?.Length ?? 0} coordinates, expected {point.Length}.");
            valid = false;
        }
        else
        {
            entry.Point.CopyTo(point);
        }
        if (entry.Value is double v)
        {
            value = v;
        }
        else
        {
            errors.Add(field + ".value", "Is required.");
            valid = false;
        }
        return valid;
    }
}
