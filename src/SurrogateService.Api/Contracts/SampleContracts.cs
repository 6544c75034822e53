using System.Text.Json;

namespace SurrogateService.Api.Contracts;

/// <summary>
/// A sampling plan request. <c>seed</c> drives the random methods (and scrambled Sobol); when it is
/// missing the service draws one and returns it, so every answer can be reproduced. <c>section</c>
/// (Surrogates.jl's SectionSample) holds some coordinates at given values, one entry per dimension with
/// null for the free ones, and the method samples the box of the free coordinates.
/// </summary>
public sealed record SampleRequest(
    string? Method,
    int? Count,
    double[]? LowerBound,
    double[]? UpperBound,
    long? Seed,
    JsonElement? Options,
    double?[]? Section = null);

/// <summary>The sample points and the seed that produced them.</summary>
public sealed record SampleResponse(string Method, long Seed, double[][] Points);

/// <summary>A sampling method and its options.</summary>
public sealed record SamplingMethodInfo(string Name, string Description, bool UsesSeed, IReadOnlyList<OptionInfo> Options);
