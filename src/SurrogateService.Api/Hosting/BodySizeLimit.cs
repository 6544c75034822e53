using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Caps request bodies at <c>Limits:MaxRequestBodyBytes</c>: a declared length over the cap is
/// refused at once with a 413 problem; a chunked body is cut off by the server at the same cap
/// (the binding error then becomes a 413 problem too).
/// </summary>
public static class BodySizeLimit
{
    public static WebApplication UseBodySizeLimit(this WebApplication app)
    {
        long limit = app.Services.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                    $"The limit is {limit} bytes (Limits:MaxRequestBodyBytes).");
                return;
            }
            await next(context);
        });
        return app;
    }
}
