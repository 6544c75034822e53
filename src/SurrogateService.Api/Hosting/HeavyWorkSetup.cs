using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using SurrogateService.Api.Hosting.HeavyWork;
using SurrogateService.Api.Jobs;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Heavy work (hyperparameter fits, optimisation runs, simulations, plots) takes a slot of the one
/// <see cref="HeavyWorkPool"/> (sized from the cores, with a short queue, shared with fits inside light
/// routes and with the UM-Bridge port), shared fairly between callers; past it the answer is 429 with
/// Retry-After, which tells Container Apps' HTTP rule to scale out. Light endpoints never wait behind
/// heavy ones. Jobs compute in the same slots (<see cref="JobSlots"/>); submitting one takes none. Every request also has a timeout below the ingress's 240 s; handlers observe the cancellation.
/// </summary>
public static class HeavyWorkSetup
{
    public const string Policy = "heavy";

    public static WebApplicationBuilder AddHeavyWorkLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();

        builder.Services.AddSingleton(new HeavyWorkPool(limits.HeavySlots(), limits.HeavyQueueLength));
        builder.Services.AddRateLimiter(options =>
        {
            // One partition per caller, every partition a view of the same pool.
            options.AddPolicy(Policy, context =>
            {
                // Submitting a job only validates and stores the request; the job takes its slot when a worker computes it.
                if (JobSubmission.IsSubmission(context))
                    return RateLimitPartition.GetNoLimiter("job-submission");
                var pool = context.RequestServices.GetRequiredService<HeavyWorkPool>();
                return RateLimitPartition.Get(HeavyWorkCaller.Of(context), caller => new CallerRateLimiter(pool, caller));
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

    /// <summary>Marks an endpoint as heavy: it queues for a slot of the shared pool and gets the long timeout.</summary>
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
