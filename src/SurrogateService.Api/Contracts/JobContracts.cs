using System.Text.Json;

namespace SurrogateService.Api.Contracts;

/// <summary>
/// An asynchronous job: its status (queued, running, succeeded, failed, cancelled), the newest progress line
/// (one line of the route's NDJSON stream) and how many there are, its timestamps, how many times a worker took
/// it up, why it failed, and its links (the result once finished).
/// </summary>
public sealed record JobResponse(
    string Id,
    string Kind,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    int Events,
    JsonElement? Progress,
    string? Error,
    JobLinks Links);

/// <summary>Where the job, its progress lines and (once it finished with a result) its result are.</summary>
public sealed record JobLinks(string Self, string Events, string? Result);
