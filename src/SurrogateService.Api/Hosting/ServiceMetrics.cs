using System.Diagnostics.Metrics;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// The service's own metrics (meter "SurrogateService"): fits by kind and duration, objective
/// evaluations of optimisation runs by function, simulation throughput, limiter rejections. A
/// static meter, because recording happens in static readers and middleware; recording costs
/// next to nothing when no exporter listens.
/// </summary>
public static class ServiceMetrics
{
    public const string MeterName = "SurrogateService";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> FitDuration =
        Meter.CreateHistogram<double>("surrogate.fit.duration", "s", "Duration of surrogate fits, by kind.");

    private static readonly Histogram<double> CellUpdates =
        Meter.CreateHistogram<double>("simulation.cell_updates_per_second", "{cell}/s", "Acoustic 2-D solver throughput per request.");

    private static readonly Counter<long> Rejected =
        Meter.CreateCounter<long>("limiter.heavy.rejected", "{request}", "Heavy requests refused with 429 by the concurrency limiter.");

    private static readonly Counter<long> ObjectiveEvaluations =
        Meter.CreateCounter<long>("optimization.objective.evaluations", "{evaluation}", "Evaluations of built-in functions by optimisation runs, by function.");

    public static void ObjectiveEvaluated(string function) =>
        ObjectiveEvaluations.Add(1, new KeyValuePair<string, object?>("function", function));

    public static void SurrogateFitted(string kind, TimeSpan duration) =>
        FitDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public static void SimulationRan(double cellUpdatesPerSecond) => CellUpdates.Record(cellUpdatesPerSecond);

    public static void HeavyRejected(PathString path) =>
        Rejected.Add(1, new KeyValuePair<string, object?>("path", path.Value));
}
