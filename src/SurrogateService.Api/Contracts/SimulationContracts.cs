using System.ComponentModel;

namespace SurrogateService.Api.Contracts;

/// <summary>
/// A run of the 2-D acoustic wave (ParallelStencil's acoustic2D miniapp). Every field is optional;
/// the defaults are the miniapp's. The answer format comes from <c>format</c> or else the Accept header.
/// <c>receivers</c> ([[x, y], …] inside the domain) record the pressure every <c>traceEvery</c> steps;
/// <c>snapshots: false</c> (with receivers) returns the traces alone.
/// </summary>
public sealed record SimulationRequest(
    [property: DefaultValue(255)] int? Nx,
    [property: DefaultValue(255)] int? Ny,
    [property: DefaultValue(40.0)] double? Lx,
    [property: DefaultValue(40.0)] double? Ly,
    [property: DefaultValue(1.0)] double? BulkModulus,
    [property: DefaultValue(1.0)] double? Density,
    [property: DefaultValue(1000)] int? Steps,
    [property: DefaultValue(10)] int? SnapshotEvery,
    [property: DefaultValue(4.1)] double? CflFactor,
    PulseRequest? Pulse,
    int? Threads,
    [property: DefaultValue("json")] string? Format,
    [property: DefaultValue(1)] int? Stride,
    [property: DefaultValue("float32")] string? Precision,
    int? Frame,
    double[][]? Receivers,
    [property: DefaultValue(1)] int? TraceEvery,
    [property: DefaultValue(true)] bool? Snapshots);

/// <summary>The initial pressure P = exp(−((x − cx)² + (y − cy)²)/width²); the centre defaults to the middle of the domain.</summary>
public sealed record PulseRequest(
    double[]? Centre,
    [property: DefaultValue(1.0)] double? Width);

/// <summary>
/// The JSON answer: grid spacing, time step and the snapshots in order. <c>pressure[j][i]</c> is the
/// pressure at x = i·stride·dx, y = j·stride·dy. The server streams it frame by frame.
/// </summary>
public sealed record SimulationResponse(double Dx, double Dy, double Dt, IReadOnlyList<SimulationFrame> Frames, SimulationTraces? Traces);

/// <summary>
/// The pressure at the receivers (bilinear between grid points): <c>values[r][s]</c> at receiver r after
/// step (s + 1)·every, time (s + 1)·every·dt. Present when the request named receivers.
/// </summary>
public sealed record SimulationTraces(int Every, double[][] Receivers, double[][] Values);

/// <summary>One snapshot: the step it was taken after, the simulated time and the (thinned) pressure rows.</summary>
public sealed record SimulationFrame(int Step, double Time, double[][] Pressure);
