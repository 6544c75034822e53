using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Storage;

/// <summary>Answers a <see cref="StoreUnavailableException"/> with 503 problem+json and Retry-After, whatever the route.</summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problemDetails, IOptions<StorageOptions> options, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreUnavailableException unavailable)
            return false;
        logger.LogWarning(unavailable.InnerException, "The store is unavailable: {Reason}", unavailable.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = options.Value.UnavailableRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is unavailable.",
                Detail = "Stored data could not be read or written just now; nothing was half-written. Retry later.",
            },
        });
    }
}
