using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, NaN, a missing body) into a
/// validation problem whose error key is the offending field, e.g. <c>points[0][1]</c>.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        var (field, message) = badRequest.InnerException is JsonException failure
            ? JsonErrorDescription.Describe(failure, json.Value.SerializerOptions)
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
}
