using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Heavy work (hyperparameter fits, optimisation runs, simulations, plots) shares a concurrency
/// limiter sized from the cores, with a short queue; past it the answer is 429 with Retry-After,
/// which tells Container Apps' HTTP rule to scale out. Light endpoints never wait behind heavy ones.
/// Every request also has a timeout below the ingress's 240 s; handlers observe the cancellation.
/// </summary>
public static class HeavyWorkSetup
{
    public const string Policy = "heavy";

    public static WebApplicationBuilder AddHeavyWorkLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();

        builder.Services.AddRateLimiter(options =>
        {
            options.AddConcurrencyLimiter(Policy, limiter =>
            {
                limiter.PermitLimit = limits.HeavySlots();
                limiter.QueueLimit = limits.HeavyQueueLength;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext, limits.RetryAfterSeconds);
        });
        builder.Services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.LightRequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            };
            options.AddPolicy(Policy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.HeavyRequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            });
        });
        return builder;
    }

    public static WebApplication UseHeavyWorkLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>Marks an endpoint as heavy: it queues for the shared limiter and gets the long timeout.</summary>
    public static RouteHandlerBuilder AsHeavyWork(this RouteHandlerBuilder builder)
    {
        builder.RequireRateLimiting(Policy);
        builder.WithRequestTimeout(Policy);
        return builder.ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async ValueTask RejectAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        ServiceMetrics.HeavyRejected(context.Request.Path);
        await context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "The service is busy with heavy requests.",
            $"Every heavy-work slot and queue place is taken; retry after {retryAfterSeconds} s.");
    }
}
