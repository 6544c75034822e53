using System.Buffers;
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
    private readonly SwitchableSink _sink = new();
    private Utf8JsonWriter? _json;

    public override string ContentType => "application/json; charset=utf-8";

    public override async ValueTask StartAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        _sink.Target = output;
        _json = new Utf8JsonWriter(_sink);
        WriteStart(_json);
        await PushAsync(_json, output, cancellationToken);
    }

    /// <summary>
    /// The JSON writer's state (inside "frames", after <paramref name="framesWritten"/> values) is rebuilt by writing
    /// the same structure into a sink that drops it, so the commas that follow come out as in an unbroken run.
    /// </summary>
    public override void Resume(PipeWriter output, int framesWritten)
    {
        _sink.Target = new ArrayBufferWriter<byte>();
        _json = new Utf8JsonWriter(_sink);
        WriteStart(_json);
        for (int f = 0; f < framesWritten; f++)
        {
            _json.WriteStartObject();
            _json.WriteEndObject();
        }
        _json.Flush();
        _sink.Target = output;
    }

    private void WriteStart(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("dx", wave.Dx);
        json.WriteNumber("dy", wave.Dy);
        json.WriteNumber("dt", wave.Dt);
        json.WriteStartArray("frames");
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

    /// <summary>Passes the JSON writer's bytes on to the current target.</summary>
    private sealed class SwitchableSink : IBufferWriter<byte>
    {
        public IBufferWriter<byte> Target { get; set; } = new ArrayBufferWriter<byte>();

        public void Advance(int count) => Target.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => Target.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Target.GetSpan(sizeHint);
    }

    private static async ValueTask PushAsync(Utf8JsonWriter json, PipeWriter output, CancellationToken cancellationToken)
    {
        json.Flush();
        await FlushAsync(output, cancellationToken);
    }
}
