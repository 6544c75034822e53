using System.Diagnostics.Metrics;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// The service's own metrics (meter "SurrogateService"): fits by kind and duration, simulation
/// throughput, limiter rejections. Recording costs next to nothing when no exporter listens.
/// </summary>
public sealed class ServiceMetrics
{
    public const string MeterName = "SurrogateService";

    private readonly Histogram<double> _fitDuration;
    private readonly Histogram<double> _cellUpdates;
    private readonly Counter<long> _heavyRejected;

    public ServiceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _fitDuration = meter.CreateHistogram<double>("surrogate.fit.duration", "s", "Duration of surrogate fits, by kind.");
        _cellUpdates = meter.CreateHistogram<double>("simulation.cell_updates_per_second", "{cell}/s", "Acoustic 2-D solver throughput per request.");
        _heavyRejected = meter.CreateCounter<long>("limiter.heavy.rejected", "{request}", "Heavy requests refused with 429 by the concurrency limiter.");
    }

    public void SurrogateFitted(string kind, TimeSpan duration) =>
        _fitDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void SimulationRan(double cellUpdatesPerSecond) => _cellUpdates.Record(cellUpdatesPerSecond);

    public void HeavyRejected(PathString path) =>
        _heavyRejected.Add(1, new KeyValuePair<string, object?>("path", path.Value));
}
