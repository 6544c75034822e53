using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Mapping;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Runs the paths of a heavy request once while the host starts, before the server listens: a fit request
/// for a maximum-likelihood Kriging fit of 100 Sobol points of Branin, read from JSON with the service's own
/// serializer options, validated, fitted and its answer written, then the model's predictions and standard
/// errors. Size matters: a 40-point fit left most of the JIT cost of a first 100-point request to it (first
/// fit 7.6× a warm one on ReadyToRun code, quiet machine), 100 points bring it to 1.9×. Without
/// (issue 25; docs/scaling.md has the measurements).
/// </summary>
/// <remarks>
/// It runs in <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service starts, the web
/// server included, so the port opens, and the TCP probes of the container app and <c>/healthz/ready</c>
/// pass, only once it is done: a replica is never ready cold. It is bounded by <c>Hosting:WarmUpSeconds</c>
/// (0 turns it off); past that the service starts anyway and says so in the log.
/// </remarks>
internal sealed partial class NumericWarmUp(
    IConfiguration configuration, IOptions<JsonOptions> json, IOptions<LimitsOptions> limits, ILogger<NumericWarmUp> logger) : IHostedLifecycleService
{
    public const string SecondsKey = "Hosting:WarmUpSeconds";
    public const int DefaultSeconds = 10;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        int seconds = configuration.GetValue(SecondsKey, DefaultSeconds);
        if (seconds <= 0)
        {
            LogSkipped(logger);
            return;
        }
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(seconds));
        long started = Stopwatch.GetTimestamp();
        try
        {
            await Task.Run(() => Exercise(json.Value.SerializerOptions, limits.Value, bound.Token), bound.Token).ConfigureAwait(false);
            LogDone(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, seconds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The warm-up only saves the first request some time; a defect in it must not keep the service down.
            LogFailed(logger, exception);
        }
    }

    /// <summary>A first heavy request's work: the fit request read, validated and fitted, its answer written, and the model's predictions and standard errors.</summary>
    internal static void Exercise(JsonSerializerOptions json, LimitsOptions limits, CancellationToken cancellationToken)
    {
        var branin = new Branin();
        var box = branin.Domain(2);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(100, box, new OptionValues(sobol.Options), seed: 0);
        var values = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
            values[i] = branin.Evaluate(points[i]);
        var body = JsonSerializer.SerializeToUtf8Bytes(new FitRequest("kriging", points.ToRows(), values, box.Lower.ToArray(), box.Upper.ToArray(), null), json);
        var errors = new RequestErrors();
        var plan = FitRequestReader.Read(JsonSerializer.Deserialize<FitRequest>(body, json), "", errors, limits);
        var fitted = plan?.Fit(errors, progress: null, cancellationToken)
            ?? throw new InvalidOperationException("The warm-up's own fit request was refused: "
                + string.Join("; ", errors.ToDictionary().Select(error => $"{error.Key}: {string.Join(", ", error.Value)}")));
        JsonSerializer.SerializeToUtf8Bytes(new FitResponse(SurrogateMapping.ToDocument(fitted), SurrogateMapping.ToDiagnostics(fitted)), json);
        var grid = sobol.Sample(200, box, new OptionValues(sobol.Options), seed: 1);
        var output = new double[grid.Count];
        fitted.Model.Predict(grid, output);
        fitted.Model.StandardError(grid, output);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Numeric warm-up done in {Milliseconds:F0} ms; opening the port")]
    private static partial void LogDone(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Numeric warm-up stopped after its bound of {Seconds} s (Hosting:WarmUpSeconds); starting without it")]
    private static partial void LogTimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Numeric warm-up failed; starting without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Numeric warm-up is off (Hosting:WarmUpSeconds = 0)")]
    private static partial void LogSkipped(ILogger logger);
}
