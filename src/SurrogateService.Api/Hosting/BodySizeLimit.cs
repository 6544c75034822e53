using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SurrogateService.Api.Jobs;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Caps request bodies at <c>Limits:MaxRequestBodyBytes</c> (multipart/form-data bodies, which carry
/// arrays as .npy parts, at <c>Limits:MaxMultipartBodyBytes</c>; JSON bodies submitted as jobs at
/// <c>Limits:JobMaxRequestBodyBytes</c>): a declared length over the cap is
/// refused at once with a 413 problem; a chunked body is cut off by the server at the same cap
/// (the binding error then becomes a 413 problem too).
/// </summary>
public static class BodySizeLimit
{
    public static WebApplication UseBodySizeLimit(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value;
        app.Use(async (context, next) =>
        {
            // Arrays as .npy parts are the way to send large training sets: they get their own limit.
            bool multipart = context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
            // A request that will run as a job (a heavy route, Prefer: respond-async) may carry a large-data body as JSON.
            bool job = !multipart && JobSubmission.IsSubmission(context);
            var (limit, setting) = multipart ? (limits.MaxMultipartBodyBytes, "Limits:MaxMultipartBodyBytes")
                : job ? (limits.JobMaxRequestBodyBytes, "Limits:JobMaxRequestBodyBytes")
                : (limits.MaxRequestBodyBytes, "Limits:MaxRequestBodyBytes");
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                    $"The limit is {limit} bytes ({setting}).");
                return;
            }
            await next(context);
        });
        return app;
    }
}
