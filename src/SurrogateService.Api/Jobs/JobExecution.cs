using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// What a job's work sees of the job: the checkpoint to resume from, a sink for progress lines, and
/// <see cref="Checkpoint"/>, which stores the state and the lines so far in one document (so the
/// events replayed always match the state), records the progress, and stops the work if the job was
/// cancelled or taken over. Called on the work's own thread; the storage calls block it, which is
/// what a checkpoint should do.
/// </summary>
public sealed class JobExecution : Work.IWorkCheckpoints
{
    /// <summary>Checkpoint states keep NaN (failed evaluations) as the contracts never do; doubles round-trip exactly.</summary>
    internal static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly JsonSerializerOptions _lineJson;
    private readonly Func<JsonObject, int, string, CancellationToken, Task> _save;
    private readonly Func<CancellationToken, Task> _checkCancelled;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private long _savedAt;
    private readonly JsonNode? _resumeState;
    private JsonNode? _lastState;
    private Func<JsonNode?>? _pending;
    private readonly List<JsonNode> _lines;
    private readonly CancellationToken _cancellationToken;
    private int _savedLines;
    private bool _saved;

    /// <param name="interval">The least time between two stored checkpoints; a round that ends sooner only checks for cancellation.</param>
    internal JobExecution(JsonObject? checkpoint, JsonSerializerOptions lineJson, Func<JsonObject, int, string, CancellationToken, Task> save,
        Func<CancellationToken, Task> checkCancelled, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        _lineJson = lineJson;
        _save = save;
        _checkCancelled = checkCancelled;
        _interval = interval;
        _time = time;
        _savedAt = time.GetTimestamp();
        _cancellationToken = cancellationToken;
        _resumeState = checkpoint?["state"]?.DeepClone();
        _lines = checkpoint?["lines"] is JsonArray lines ? [.. lines.Select(line => line!.DeepClone())] : [];
        _savedLines = _lines.Count;
        _saved = checkpoint is not null;
        _lastState = _resumeState;
    }

    /// <summary>The service's JSON settings, with which a kind writes its result as the route would.</summary>
    public JsonSerializerOptions Json => _lineJson;

    /// <summary>Whether this attempt goes on from an earlier attempt's checkpoint.</summary>
    public bool IsResumed => _resumeState is not null;

    /// <summary>The state of the last checkpoint, null when the job starts afresh.</summary>
    public T? ResumeState<T>() where T : class => _resumeState?.Deserialize<T>(StateJson);

    /// <summary>The sink for progress lines (the lines of the route's NDJSON stream); they are stored with the next checkpoint or with the result.</summary>
    public IProgress<T> Lines<T>() where T : notnull => new LineSink<T>(this);

    /// <summary>
    /// Stores the state with the lines so far (the first time, and then once <see cref="JobsOptions.CheckpointIntervalMilliseconds"/>
    /// have passed since the last stored one), then goes on unless the job was cancelled (throws
    /// <see cref="JobCancelledException"/>) or the worker is stopping. Cancellation is checked every time.
    /// </summary>
    public void Checkpoint<T>(T state) where T : notnull
    {
        if (_saved && _time.GetElapsedTime(_savedAt) < _interval)
        {
            // Kept for the final flush, so that the lines stored at the end come with the state that covers them.
            _pending = () => JsonSerializer.SerializeToNode(state, StateJson);
            _checkCancelled(_cancellationToken).GetAwaiter().GetResult();
            _cancellationToken.ThrowIfCancellationRequested();
            return;
        }
        Save(JsonSerializer.SerializeToNode(state, StateJson)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Stores the state at once, whatever the interval, then goes on unless the job was cancelled: for a state a resumed
    /// attempt must find, such as what the work saw before an effect outside the job (a model written to the store).
    /// </summary>
    public void CheckpointNow<T>(T state) where T : notnull => Save(JsonSerializer.SerializeToNode(state, StateJson)).GetAwaiter().GetResult();

    /// <summary>Stores lines reported since the last checkpoint (the last ones of a job that has no checkpoints).</summary>
    internal Task FlushAsync() => _savedLines == _lines.Count ? Task.CompletedTask : Save(_pending?.Invoke() ?? _lastState?.DeepClone());

    private async Task Save(JsonNode? state)
    {
        var document = new JsonObject
        {
            ["lines"] = new JsonArray([.. _lines.Select(line => line.DeepClone())]),
            ["state"] = state,
        };
        await _save(document, _lines.Count, _lines.Count > 0 ? _lines[^1].ToJsonString() : "", _cancellationToken);
        _savedLines = _lines.Count;
        _saved = true;
        _lastState = state;
        _pending = null;
        _savedAt = _time.GetTimestamp();
        _cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The sink for the work's progress reports, each stored as the line <paramref name="toLine"/> makes of it.</summary>
    public IProgress<TProgress> Lines<TProgress, TLine>(Func<TProgress, TLine> toLine) where TLine : notnull
    {
        var sink = Lines<TLine>();
        return new MappedSink<TProgress>(progress => sink.Report(toLine(progress)));
    }

    /// <summary>Reports on the reporting thread, in order (System.Progress would post to the thread pool).</summary>
    private sealed class MappedSink<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class LineSink<T>(JobExecution execution) : IProgress<T> where T : notnull
    {
        public void Report(T value) => execution._lines.Add(JsonSerializer.SerializeToNode(value, execution._lineJson)!);
    }
}

/// <summary>The job was cancelled (DELETE) while it ran: the work stops at its next checkpoint.</summary>
public sealed class JobCancelledException() : OperationCanceledException("The job was cancelled.");
