namespace SurrogateService.Api.Contracts;

/// <summary>A model to store: a fitted-model document (<c>model</c>) or a fit request (<c>fit</c>, fitted first); exactly one.</summary>
public sealed record StoreModelRequest(ModelDocument? Model, FitRequest? Fit);

/// <summary>
/// A stored model: its content-derived <c>id</c> (also the ETag and the last segment of Location), what it is,
/// the size of its stored document, and for a fit the diagnostics.
/// </summary>
public sealed record StoredModelResponse(string Id, string Kind, int Dimension, int Points, long SizeBytes, DiagnosticsInfo? Diagnostics);

/// <summary>One of the caller's stored models as listed.</summary>
public sealed record StoredModelInfo(string Id, long SizeBytes, DateTimeOffset StoredAt);

/// <summary>A page of the caller's stored models in id order; pass <c>continuation</c> back for the next page (null on the last).</summary>
public sealed record StoredModelList(IReadOnlyList<StoredModelInfo> Models, string? Continuation);
