namespace SurrogateService.Api.Hosting;

/// <summary>
/// Every error leaves as application/problem+json: client mistakes in binding become 400s that name
/// the field, unknown routes get status-code problems, and anything unexpected a bare 500 problem
/// without internals.
/// </summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ContractJson.ApplyStrictRules(options.SerializerOptions));
        // Without this, minimal APIs answer malformed bodies outside Development with an empty 400;
        // throwing lets BadRequestExceptionHandler say which field was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Answers from middleware (limiter, body cap) with a problem+json body like every other error.</summary>
    public static async ValueTask WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
