using System.Globalization;

namespace SurrogateService.Api.UmBridge;

/// <summary>
/// The protocol's error answer: <c>{ "error": { "type", "message" } }</c> with 400 for the caller's
/// mistakes. UM-Bridge protocol document, section "Errors"
/// (https://github.com/UM-Bridge/umbridge, docs/source/umbridge/lib.md): types InvalidInput,
/// InvalidOutput, ModelNotFound, UnsupportedFeature; "400 for user errors, 500 for model side errors".
/// The conformity suite (testing/protocol_conformity_1.0) expects 400 for ModelNotFound,
/// InvalidInput and UnsupportedFeature. Overload and timeouts are server-side conditions the
/// protocol has no type for: they use the same shape with ModelBusy (503, Retry-After) and
/// ModelTimeout (504), so every client's error handling reads them.
/// </summary>
public sealed class UmBridgeError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    /// <summary>Seconds for Retry-After (ModelBusy only).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static UmBridgeError InvalidInput(string message) => new(StatusCodes.Status400BadRequest, "InvalidInput", message);

    public static UmBridgeError ModelNotFound(string name, IEnumerable<string> models) =>
        new(StatusCodes.Status400BadRequest, "ModelNotFound", $"No model named '{name}'. Models: {string.Join(", ", models)}.");

    public static UmBridgeError UnsupportedFeature(string model, string feature, string why) =>
        new(StatusCodes.Status400BadRequest, "UnsupportedFeature", $"Model '{model}' does not support {feature}: {why}");

    public static UmBridgeError Busy(int retryAfterSeconds) =>
        new(StatusCodes.Status503ServiceUnavailable, "ModelBusy",
            $"Every heavy-work slot of the service is taken and the queue is full; retry after {retryAfterSeconds} s.") { RetryAfterSeconds = retryAfterSeconds };

    public static UmBridgeError Timeout(int seconds) =>
        new(StatusCodes.Status504GatewayTimeout, "ModelTimeout", $"The model did not finish within {seconds} s (Limits:*RequestTimeoutSeconds).");

    public Task WriteAsync(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = Status;
        if (RetryAfterSeconds is int seconds)
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return response.WriteAsJsonAsync(new ErrorEnvelope(new ErrorBody(Type, Message)), UmBridgeJson.Options);
    }

    private sealed record ErrorEnvelope(ErrorBody Error);

    private sealed record ErrorBody(string Type, string Message);
}
