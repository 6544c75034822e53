using System.IO.Pipelines;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;
using SurrogateService.Numerics.Waves;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// A wave simulation (<c>POST /v1/simulations/acoustic2d</c>) as a job: the answer the route would stream (JSON,
/// .npy, PNG or GIF) is written whole and stored. The format the Accept header chose at submission is written into
/// the stored request, since the worker sees no headers. Every <see cref="JobsOptions.WaveCheckpointSteps"/> steps
/// (between frames) it checkpoints the solver's fields with the output written so far, and resumes from there.
/// </summary>
public sealed class SimulationJob(IOptions<JobsOptions> options, ILogger<SimulationStreamResult> logger) : IJobKind
{
    public const string KindName = "simulations.acoustic2d";

    public string Name => KindName;

    public Type RequestType => typeof(SimulationRequest);

    public ValueTask<object?> PrepareAsync(object request, HttpContext http, LimitsOptions limits, RequestErrors errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        var simulation = (SimulationRequest)request;
        var plan = SimulationRequestReader.Read(simulation, http.Request.Headers.Accept.OfType<string>().ToList(), limits, errors);
        return ValueTask.FromResult<object?>(plan is null ? null : simulation with { Format = FormatName(plan.Format) });
    }

    public JobResult Run(object request, LimitsOptions limits, JobExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var errors = new RequestErrors();
        if (SimulationRequestReader.Read((SimulationRequest)request, [], limits, errors) is not { } plan)
            return JobOutcome.Of(errors.ToProblem(), execution.Json);
        using var buffer = new MemoryStream();
        var resumeFrom = execution.ResumeState<SimulationCheckpoint>();
        buffer.Write(resumeFrom?.Output);
        var output = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        string contentType = "";
        string? fileName = null;
        // Every writer flushes what it has written before the solver goes on, so the buffer holds the whole output so far.
        var resumption = new WaveResumption(resumeFrom?.Wave, options.Value.WaveCheckpointSteps,
            wave => execution.Checkpoint(new SimulationCheckpoint(wave.Checkpoint(), buffer.ToArray())));
        SimulationStreamResult.WriteAsync(plan, output, writer => (contentType, fileName) = (writer.ContentType, writer.FileName), logger, cancellationToken, resumption)
            .GetAwaiter().GetResult();
        output.FlushAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        output.Complete();
        return new JobResult(StatusCodes.Status200OK, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), contentType, fileName);
    }

    /// <summary>A simulation job's checkpoint: the run's state and the answer's bytes written up to it.</summary>
    public sealed record SimulationCheckpoint(AcousticWaveCheckpoint Wave, byte[] Output);

    /// <summary>The request's name of a format (what <c>format</c> takes).</summary>
    private static string FormatName(SnapshotFormat format) => format switch
    {
        SnapshotFormat.Npy => "npy",
        SnapshotFormat.Png => "png",
        SnapshotFormat.Gif => "gif",
        _ => "json",
    };
}
