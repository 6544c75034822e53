using System.Diagnostics;
using SurrogateService.Numerics.Core;
using SurrogateService.Numerics.Options;
using SurrogateService.Numerics.Sampling;
using SurrogateService.Numerics.Surrogates;
using SurrogateService.Numerics.TestFunctions;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Runs the numeric paths of a heavy request once while the host starts, before the server listens: a
/// maximum-likelihood Kriging fit of 40 Sobol points of Branin, its predictions and standard errors. Without
/// it the first fit after a start (a scale from zero) pays the JIT: 0.9 s against 0.04 s warm for 100 points
/// (issue 25; docs/scaling.md has the measurements).
/// </summary>
/// <remarks>
/// It runs in <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service starts, the web
/// server included, so the port opens, and the TCP probes of the container app and <c>/healthz/ready</c>
/// pass, only once it is done: a replica is never ready cold. It is bounded by <c>Hosting:WarmUpSeconds</c>
/// (0 turns it off); past that the service starts anyway and says so in the log.
/// </remarks>
internal sealed partial class NumericWarmUp(IConfiguration configuration, ILogger<NumericWarmUp> logger) : IHostedLifecycleService
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
            await Task.Run(() => Exercise(bound.Token), bound.Token).ConfigureAwait(false);
            LogDone(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, seconds);
        }
    }

    /// <summary>The fit, predictions and standard errors of a first heavy request, on a small Kriging problem.</summary>
    internal static void Exercise(CancellationToken cancellationToken)
    {
        var branin = new Branin();
        var box = branin.Domain(2);
        var sobol = SamplingMethods.Find("sobol")!;
        var points = sobol.Sample(40, box, new OptionValues(sobol.Options), seed: 0);
        var values = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
            values[i] = branin.Evaluate(points[i]);
        var kind = new KrigingKind();
        var fitted = SurrogateFitting.Fit(kind, new TrainingSet(points, values, box), new OptionValues(kind.Options), cancellationToken: cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Numeric warm-up is off (Hosting:WarmUpSeconds = 0)")]
    private static partial void LogSkipped(ILogger logger);
}
