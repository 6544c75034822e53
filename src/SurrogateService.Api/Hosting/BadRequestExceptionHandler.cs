using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, NaN, a missing body) into a
/// validation problem whose error key is the offending field, e.g. <c>points[0][1]</c>.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        var (field, message) = badRequest.InnerException is JsonException json
            ? (FieldName(json.Path), Describe(json))
            : ("body", badRequest.Message.Contains("was not provided", StringComparison.Ordinal)
                ? "A JSON body is required."
                : badRequest.Message);

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = "The request is invalid.",
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>"$.points[0][1]" → "points[0][1]"; the root is called "body".</summary>
    internal static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "body";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>A client-facing message; the raw exception text names CLR types, which mean nothing to a caller.</summary>
    private static string Describe(JsonException json)
    {
        string raw = json.Message;
        string expected =
            raw.Contains("System.Double", StringComparison.Ordinal) ? "Must be a finite JSON number (NaN and Infinity are not allowed)." :
            raw.Contains("System.Int", StringComparison.Ordinal) ? "Must be an integer in range." :
            raw.Contains("System.String", StringComparison.Ordinal) ? "Must be a string." :
            raw.Contains("[]", StringComparison.Ordinal) ? "Must be an array." :
            "Is not valid JSON here.";
        return json.LineNumber is long line
            ? $"{expected} (line {line + 1}, position {json.BytePositionInLine + 1})"
            : expected;
    }
}
