using System.IO.Pipelines;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Hosting;
using SurrogateService.Api.Streaming;
using SurrogateService.Api.Validation;

namespace SurrogateService.Api.Jobs.Kinds;

/// <summary>
/// A wave simulation (<c>POST /v1/simulations/acoustic2d</c>) as a job: the answer the route would stream (JSON,
/// .npy, PNG or GIF) is written whole and stored. The format the Accept header chose at submission is written into
/// the stored request, since the worker sees no headers.
/// </summary>
public sealed class SimulationJob(ILogger<SimulationStreamResult> logger) : IJobKind
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
        var output = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        string contentType = "";
        string? fileName = null;
        SimulationStreamResult.WriteAsync(plan, output, writer => (contentType, fileName) = (writer.ContentType, writer.FileName), logger, cancellationToken)
            .GetAwaiter().GetResult();
        output.FlushAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        output.Complete();
        return new JobResult(StatusCodes.Status200OK, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), contentType, fileName);
    }

    /// <summary>The request's name of a format (what <c>format</c> takes).</summary>
    private static string FormatName(SnapshotFormat format) => format switch
    {
        SnapshotFormat.Npy => "npy",
        SnapshotFormat.Png => "png",
        SnapshotFormat.Gif => "gif",
        _ => "json",
    };
}
