using System.Diagnostics;
using System.IO.Pipelines;
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
        var response = httpContext.Response;
        try
        {
            await WriteAsync(plan, response.BodyWriter, writer =>
            {
                response.ContentType = writer.ContentType;
                response.ContentLength = writer.ContentLength;
                if (writer.FileName is string fileName)
                {
                    var disposition = new ContentDispositionHeaderValue("attachment");
                    disposition.SetHttpFileName(fileName);
                    response.Headers.ContentDisposition = disposition.ToString();
                }
            }, logger, httpContext.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away or the request timed out; nothing went wrong on our side. The
            // response is cut short, so break the connection rather than end the body as if complete.
            httpContext.Abort();
        }
    }

    /// <summary>
    /// Runs the plan and writes its answer into <paramref name="output"/>, frame by frame; <paramref name="start"/>
    /// learns the writer (media type, length, file name) before the first byte. The route streams to the client,
    /// a job into a buffer it stores.
    /// </summary>
    public static async Task WriteAsync(SimulationPlan plan, PipeWriter output, Action<SnapshotWriter> start, ILogger logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(start);
        using var wave = new AcousticWave2D(plan.Settings);
        using var writer = SnapshotWriter.Create(plan, wave);
        start(writer);

        var (first, last) = plan.Frames;
        var total = Stopwatch.StartNew();
        var solver = new Stopwatch();
        try
        {
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
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(logger, wave.StepsTaken, plan.Settings.Steps);
            throw;
        }
        if (solver.Elapsed > TimeSpan.Zero)
            ServiceMetrics.SimulationRan((double)plan.Settings.Nx * plan.Settings.Ny * wave.StepsTaken / solver.Elapsed.TotalSeconds);
        LogFinished(logger, plan.Settings.Nx, plan.Settings.Ny, wave.StepsTaken, plan.Format, wave.ThreadCount,
            solver.Elapsed.TotalMilliseconds, total.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wave {Nx}×{Ny}, {Steps} steps as {Format} on {Threads} threads: solver {SolverMs:F0} ms of {TotalMs:F0} ms")]
    private static partial void LogFinished(ILogger logger, int nx, int ny, int steps, SnapshotFormat format, int threads, double solverMs, double totalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wave run stopped (client gone, request timed out or job stopped) after {Taken} of {Steps} steps")]
    private static partial void LogAbandoned(ILogger logger, int taken, int steps);
}
