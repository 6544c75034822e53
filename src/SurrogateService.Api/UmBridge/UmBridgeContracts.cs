using System.Text.Json;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// Any request of the protocol: the members each endpoint reads are listed in the UM-Bridge
/// protocol document (docs/source/umbridge/lib.md, sections "POST /InputSizes" … "POST /ApplyHessian").
/// Members an endpoint does not use are ignored, as the reference servers do.
/// </summary>
public sealed record UmBridgeRequest(
    string? Name,
    double[][]? Input,
    JsonElement? Config,
    int? InWrt,
    int? OutWrt,
    int? InWrt1,
    int? InWrt2,
    double[]? Sens,
    double[]? Vec);

/// <summary>GET /Info: protocol version and the model names ("GET /Info" in the protocol document).</summary>
public sealed record InfoResponse(double ProtocolVersion, IReadOnlyList<string> Models);

/// <summary>POST /InputSizes.</summary>
public sealed record InputSizesResponse(IReadOnlyList<int> InputSizes);

/// <summary>POST /OutputSizes.</summary>
public sealed record OutputSizesResponse(IReadOnlyList<int> OutputSizes);

/// <summary>POST /ModelInfo: the keys of support are the endpoint names, capitalised as in the protocol.</summary>
public sealed record ModelInfoResponse(IReadOnlyDictionary<string, bool> Support);

/// <summary>POST /Evaluate: one array per output.</summary>
public sealed record EvaluateOutput(IReadOnlyList<double[]> Output);

/// <summary>POST /Gradient and /ApplyJacobian: one vector.</summary>
public sealed record VectorOutput(double[] Output);
