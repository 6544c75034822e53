using System.IO.Pipelines;
using System.Text.Json;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// <c>{ "dx", "dy", "dt", "frames": [{ "step", "time", "pressure": [[…], …] }, …] }</c>, written
/// with a <see cref="Utf8JsonWriter"/> on the response pipe; numbers round-trip exactly. With receivers,
/// <c>"traces": { "every", "receivers", "values" }</c> follows the frames (traces are complete only at the end).
/// </summary>
internal sealed class JsonSnapshotWriter(SimulationPlan plan, AcousticWave2D wave) : SnapshotWriter
{
    private readonly double[] _row = new double[plan.Width];
    private Utf8JsonWriter? _json;

    public override string ContentType => "application/json; charset=utf-8";

    public override async ValueTask StartAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        _json = new Utf8JsonWriter(output);
        _json.WriteStartObject();
        _json.WriteNumber("dx", wave.Dx);
        _json.WriteNumber("dy", wave.Dy);
        _json.WriteNumber("dt", wave.Dt);
        _json.WriteStartArray("frames");
        await PushAsync(_json, output, cancellationToken);
    }

    public override async ValueTask WriteFrameAsync(PipeWriter output, WaveFrame frame, CancellationToken cancellationToken)
    {
        var json = _json ?? throw new InvalidOperationException("StartAsync first.");
        json.WriteStartObject();
        json.WriteNumber("step", frame.Step);
        json.WriteNumber("time", frame.Time);
        json.WriteStartArray("pressure");
        for (int r = 0; r < plan.Height; r++)
        {
            frame.CopyRow(r, plan.Stride, _row);
            json.WriteStartArray();
            foreach (double p in _row)
                json.WriteNumberValue(p);
            json.WriteEndArray();
            if (json.BytesPending > FlushThreshold)
                await PushAsync(json, output, cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await PushAsync(json, output, cancellationToken);
    }

    public override async ValueTask EndAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        var json = _json ?? throw new InvalidOperationException("StartAsync first.");
        json.WriteEndArray();
        if (wave.Traces is { } traces)
            WriteTraces(json, traces);
        json.WriteEndObject();
        await PushAsync(json, output, cancellationToken);
    }

    private void WriteTraces(Utf8JsonWriter json, ReceiverTraces traces)
    {
        json.WriteStartObject("traces");
        json.WriteNumber("every", traces.Every);
        json.WriteStartArray("receivers");
        foreach (var (x, y) in plan.Settings.Receivers)
        {
            json.WriteStartArray();
            json.WriteNumberValue(x);
            json.WriteNumberValue(y);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartArray("values");
        for (int r = 0; r < traces.Count; r++)
        {
            json.WriteStartArray();
            foreach (double p in traces.Trace(r))
                json.WriteNumberValue(p);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _json?.Dispose();
    }

    private static async ValueTask PushAsync(Utf8JsonWriter json, PipeWriter output, CancellationToken cancellationToken)
    {
        json.Flush();
        await FlushAsync(output, cancellationToken);
    }
}
