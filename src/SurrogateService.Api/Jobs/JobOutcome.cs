using System.Text.Json;

namespace SurrogateService.Api.Jobs;

/// <summary>
/// What the synchronous route would have answered: status, body, media type, for files a client saves the name of
/// its Content-Disposition, and for a created resource its Location. A job's <c>/result</c> sends exactly this.
/// </summary>
public sealed record JobResult(int Status, BinaryData Body, string ContentType, string? FileName = null, string? Location = null);

/// <summary>A route's JSON result as the bytes and status it would have sent.</summary>
internal static class JobOutcome
{
    public const string Json = "application/json; charset=utf-8";
    public const string Problem = "application/problem+json; charset=utf-8";

    public static JobResult Of(IResult outcome, JsonSerializerOptions json) => outcome switch
    {
        INestedHttpResult nested => Of(nested.Result, json),
        IValueHttpResult { Value: { } value } and IStatusCodeHttpResult status => new JobResult(
            status.StatusCode ?? StatusCodes.Status200OK, new BinaryData(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json)),
            status.StatusCode >= StatusCodes.Status400BadRequest ? Problem : Json),
        _ => throw new InvalidOperationException($"No stored body for a {outcome.GetType().Name}."),
    };
}
