using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using SurrogateService.Api.Hosting;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Streaming;

/// <summary>
/// Runs a validated simulation and streams its snapshots: each frame is written and flushed as
/// soon as the solver reaches it. A client that disconnects cancels the run between two steps.
/// </summary>
public sealed partial class SimulationStreamResult(SimulationPlan plan) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var logger = httpContext.RequestServices.GetRequiredService<ILogger<SimulationStreamResult>>();
        var cancellation = httpContext.RequestAborted;
        var response = httpContext.Response;
        using var wave = new AcousticWave2D(plan.Settings);
        using var writer = SnapshotWriter.Create(plan, wave);

        response.ContentType = writer.ContentType;
        response.ContentLength = writer.ContentLength;
        if (writer.FileName is string fileName)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
        }

        var (first, last) = plan.Frames;
        var total = Stopwatch.StartNew();
        var solver = new Stopwatch();
        try
        {
            var output = response.BodyWriter;
            await writer.StartAsync(output, cancellation);
            using var frames = wave.Snapshots(cancellation).GetEnumerator();
            while (true)
            {
                solver.Start();
                bool more = frames.MoveNext();
                solver.Stop();
                if (!more)
                    break;
                if (frames.Current.Index < first || !plan.Snapshots)
                    continue;
                await writer.WriteFrameAsync(output, frames.Current, cancellation);
                if (frames.Current.Index == last)
                    break;
            }
            await writer.EndAsync(output, cancellation);
            if (solver.Elapsed > TimeSpan.Zero)
                ServiceMetrics.SimulationRan((double)plan.Settings.Nx * plan.Settings.Ny * wave.StepsTaken / solver.Elapsed.TotalSeconds);
            LogFinished(logger, plan.Settings.Nx, plan.Settings.Ny, wave.StepsTaken, plan.Format, wave.ThreadCount,
                solver.Elapsed.TotalMilliseconds, total.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // The client went away or the request timed out; nothing went wrong on our side. The
            // response is cut short, so break the connection rather than end the body as if complete.
            LogAbandoned(logger, wave.StepsTaken, plan.Settings.Steps);
            httpContext.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wave {Nx}×{Ny}, {Steps} steps as {Format} on {Threads} threads: solver {SolverMs:F0} ms of {TotalMs:F0} ms")]
    private static partial void LogFinished(ILogger logger, int nx, int ny, int steps, SnapshotFormat format, int threads, double solverMs, double totalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wave run stopped (client gone or request timed out) after {Taken} of {Steps} steps")]
    private static partial void LogAbandoned(ILogger logger, int taken, int steps);
}
