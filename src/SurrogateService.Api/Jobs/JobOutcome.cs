using System.Text.Json;

namespace SurrogateService.Api.Jobs;

/// <summary>A route's result as the bytes and status it would have sent: the body a job's <c>/result</c> returns.</summary>
internal static class JobOutcome
{
    public static (int Status, BinaryData Body) Of(IResult outcome, JsonSerializerOptions json) => outcome switch
    {
        INestedHttpResult nested => Of(nested.Result, json),
        IValueHttpResult { Value: { } value } and IStatusCodeHttpResult status =>
            (status.StatusCode ?? StatusCodes.Status200OK, new BinaryData(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json))),
        _ => throw new InvalidOperationException($"No stored body for a {outcome.GetType().Name}."),
    };
}
