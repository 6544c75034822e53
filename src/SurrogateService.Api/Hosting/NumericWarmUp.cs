using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Runs the paths of a heavy request once while the host starts, so that the first real one does not pay
/// their JIT: a fit request for a maximum-likelihood Kriging fit of 16 points of Branin, read from JSON,
/// validated, fitted and its answer written, then the model's predictions and standard errors. What counts is
/// that every path runs once, not the size (see <see cref="Exercise"/>; issue 25, docs/scaling.md).
/// </summary>
/// <remarks>
/// The work starts as soon as the configuration is read (<see cref="Start"/>, the first step of
/// <see cref="ServiceSetup.AddSurrogateService"/>), on a thread of its own, while the main thread builds the
/// services, the middleware and the endpoints, which is mostly single-threaded work; the second core of a
/// replica does the warm-up meanwhile, so the time to ready is about the longer of the two instead of their sum.
/// <see cref="IHostedLifecycleService.StartingAsync"/> then awaits it before any hosted service starts, the web
/// server included, so the port opens, and the TCP probes of the container app and <c>/healthz/ready</c> pass,
/// only once it is done: a replica is never ready cold. It is bounded by <c>Hosting:WarmUpSeconds</c>, counted
/// from its start (0 turns it off); past that the service starts anyway and says so in the log, and a failing
/// warm-up is logged and the service starts without it. A start that fails stops it at once: a configuration the
/// set-up or the pipeline refuses (<see cref="ServiceSetup"/>), or a failed host start, which disposes the host
/// and with it this service.
/// </remarks>
internal sealed partial class NumericWarmUp(NumericWarmUp.Run run, IOptions<JsonOptions> json, ILogger<NumericWarmUp> logger) : IHostedLifecycleService, IDisposable
{
    public const string SecondsKey = "Hosting:WarmUpSeconds";
    public const int DefaultSeconds = 10;

    /// <summary>
    /// Starts the warm-up with the builder's configuration and registers the service that awaits it. The caller
    /// disposes the returned run if the rest of the set-up fails; once the host exists, disposing it (as a failed
    /// start does) disposes this service, which stops the run.
    /// </summary>
    public static Run Start(WebApplicationBuilder builder)
    {
        int seconds = builder.Configuration.GetValue(SecondsKey, DefaultSeconds);
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        var run = new Run(seconds, limits);
        builder.Services.AddSingleton(run);
        builder.Services.AddHostedService<NumericWarmUp>();
        return run;
    }

    /// <summary>Stops the warm-up if it still runs: the host is disposed, after a stop or a failed start.</summary>
    public void Dispose() => run.Dispose();

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (run.Work is null)
        {
            LogSkipped(logger);
            return;
        }
        long waiting = Stopwatch.GetTimestamp();
        try
        {
            var fitted = await run.Work.WaitAsync(cancellationToken).ConfigureAwait(false);
            // The code is compiled by now; this only builds the metadata of the contract's records for the
            // route's own serializer options (an instance of its own), which the first request would otherwise do.
            RoundTrip(fitted, json.Value.SerializerOptions, run.Limits);
            LogDone(logger, Stopwatch.GetElapsedTime(run.Started).TotalMilliseconds, Stopwatch.GetElapsedTime(waiting).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Dispose();
            throw;
        }
        catch (OperationCanceledException)
        {
            LogTimedOut(logger, run.Seconds);
        }
        catch (Exception exception)
        {
            // The warm-up only saves the first request some time; a defect in it must not keep the service down.
            LogFailed(logger, exception);
        }
    }

    /// <summary>The warm-up's work, started on a thread of its own unless its bound is 0.</summary>
    internal sealed class Run : IDisposable
    {
        private readonly CancellationTokenSource? _bound;
        private readonly CancellationToken _stopping;
        private int _disposed;

        public Run(int seconds, LimitsOptions limits)
        {
            Seconds = seconds;
            Limits = limits;
            Started = Stopwatch.GetTimestamp();
            if (seconds <= 0)
                return;
            _bound = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var token = _stopping = _bound.Token;
            // A thread of its own (LongRunning) rather than one of the pool's: at start-up the pool has as
            // many threads as cores, and holding one for a second would delay the host's own asynchronous start.
            Work = Task.Factory.StartNew(() => Exercise(ContractJson.Strict, limits, token), token,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public int Seconds { get; }

        public LimitsOptions Limits { get; }

        public long Started { get; }

        /// <summary>The fitted surrogate of the warm-up's request; null when the warm-up is off.</summary>
        public Task<FittedSurrogate>? Work { get; }

        /// <summary>Whether the work was told to stop: by <see cref="Dispose"/> or by its bound.</summary>
        public bool IsStopping => _stopping.IsCancellationRequested;

        /// <summary>Stops the work if it still runs (the numeric code observes the token). Safe to call more than once.</summary>
        public void Dispose()
        {
            if (_bound is null || Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            _bound.Cancel();
            _bound.Dispose();
        }
    }

    /// <summary>Points of the warm-up's fit request and of its predictions (see <see cref="Exercise"/>).</summary>
    internal const int TrainingPoints = 16, PredictionPoints = 16;

    /// <summary>
    /// A first heavy request's work: the fit request read, validated and fitted, its answer written, and the model's
    /// predictions and standard errors.
    /// </summary>
    /// <remarks>
    /// Small inputs suffice: what a first request pays is the compilation of code ReadyToRun did not cover (the
    /// vector kernels, compiled fully optimised on their first call whatever their input's size, generic code over
    /// the contract's types, the JSON metadata), and one call of each path compiles it. A 16-point fit with two
    /// starts of the likelihood search leaves the same methods to compile in the first 100-point fit request as a
    /// 100-point fit with eight starts did (the JIT's log of that request, <c>DOTNET_JitDisasmSummary</c>), and adds
    /// 0.2 s of CPU time to the start instead of 0.47 s (docs/scaling.md). The points are a lattice rather than a
    /// Sobol design, whose direction table (21 201 dimensions) would be read for nothing.
    /// </remarks>
    internal static FittedSurrogate Exercise(JsonSerializerOptions json, LimitsOptions limits, CancellationToken cancellationToken)
    {
        var fitted = RoundTrip(null, json, limits, cancellationToken);
        var grid = Lattice(PredictionPoints, new Branin().Domain(2), offset: 0.5);
        var output = new double[grid.Count];
        fitted.Model.Predict(grid, output);
        fitted.Model.StandardError(grid, output);
        return fitted;
    }

    /// <summary>
    /// The fit request written and read with <paramref name="json"/>, validated, and fitted unless
    /// <paramref name="fitted"/> is given; then the answer written.
    /// </summary>
    private static FittedSurrogate RoundTrip(FittedSurrogate? fitted, JsonSerializerOptions json, LimitsOptions limits, CancellationToken cancellationToken = default)
    {
        var branin = new Branin();
        var box = branin.Domain(2);
        var points = Lattice(TrainingPoints, box, offset: 0);
        var values = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
            values[i] = branin.Evaluate(points[i]);
        var body = RequestBody(points, values, box);
        var errors = new RequestErrors();
        var plan = FitRequestReader.Read(JsonSerializer.Deserialize<FitRequest>(body, json), "", errors, limits);
        fitted ??= plan?.Fit(errors, progress: null, cancellationToken);
        if (plan is null || fitted is null)
        {
            throw new InvalidOperationException("The warm-up's own fit request was refused: "
                + string.Join("; ", errors.ToDictionary().Select(error => $"{error.Key}: {string.Join(", ", error.Value)}")));
        }
        JsonSerializer.SerializeToUtf8Bytes(new FitResponse(SurrogateMapping.ToDocument(fitted), SurrogateMapping.ToDiagnostics(fitted)), json);
        return fitted;
    }

    /// <summary>
    /// The fit request's JSON, written with a plain writer: the route only reads requests, and serialising the
    /// record would compile its writing too, for nothing. It has an option, so that reading one is compiled as well.
    /// </summary>
    private static byte[] RequestBody(PointSet points, double[] values, Box box)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "kriging");
            writer.WriteStartArray("points");
            for (int i = 0; i < points.Count; i++)
                WriteNumbers(writer, null, points[i]);
            writer.WriteEndArray();
            WriteNumbers(writer, "values", values);
            WriteNumbers(writer, "lowerBound", box.Lower);
            WriteNumbers(writer, "upperBound", box.Upper);
            writer.WriteStartObject("options");
            writer.WriteNumber("restarts", 2);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string? name, ReadOnlySpan<double> numbers)
    {
        if (name is null)
            writer.WriteStartArray();
        else
            writer.WriteStartArray(name);
        foreach (double number in numbers)
            writer.WriteNumberValue(number);
        writer.WriteEndArray();
    }

    /// <summary>
    /// <paramref name="count"/> points of a two-dimensional Fibonacci-type lattice in <paramref name="box"/>:
    /// ((i + offset)/count, frac(i·φ⁻¹ + offset/count)), spread out and distinct, so the Kriging fit is well posed.
    /// </summary>
    private static PointSet Lattice(int count, Box box, double offset)
    {
        double golden = (Math.Sqrt(5) - 1) / 2;
        var points = new PointSet(count, 2);
        for (int i = 0; i < count; i++)
        {
            double u = (i + offset) / count, v = (i * golden + offset / count) % 1;
            points[i][0] = box.Lower[0] + u * (box.Upper[0] - box.Lower[0]);
            points[i][1] = box.Lower[1] + v * (box.Upper[1] - box.Lower[1]);
        }
        return points;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Numeric warm-up done in {Milliseconds:F0} ms, {WaitedMilliseconds:F0} ms of it after the host was built; opening the port")]
    private static partial void LogDone(ILogger logger, double milliseconds, double waitedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Numeric warm-up stopped after its bound of {Seconds} s (Hosting:WarmUpSeconds); starting without it")]
    private static partial void LogTimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Numeric warm-up failed; starting without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Numeric warm-up is off (Hosting:WarmUpSeconds = 0)")]
    private static partial void LogSkipped(ILogger logger);
}
