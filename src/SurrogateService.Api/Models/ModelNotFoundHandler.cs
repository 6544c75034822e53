using Microsoft.AspNetCore.Diagnostics;

namespace SurrogateService.Api.Models;

/// <summary>Answers a <see cref="ModelNotFoundException"/> with 404 problem+json, on every route that takes a model id.</summary>
internal sealed class ModelNotFoundHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ModelNotFoundException notFound)
            return false;
        httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such model.",
                Detail = $"{notFound.Field}: you have no stored model with the id '{notFound.Id}' (it was never stored by you, or it was deleted).",
            },
        });
    }
}
