using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Anonymous probes for Container Apps. Liveness only proves the process answers; readiness
/// runs the checks tagged "ready". Neither returns details, so probes leak nothing.
/// </summary>
public static class HealthSetup
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string ReadyTag = "ready";

    public static bool IsProbe(PathString path) => path == LivePath || path == ReadyPath;

    public static IServiceCollection AddProbes(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DrainingHealthCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapProbes(this WebApplication app)
    {
        // Short-circuited: a probe runs straight after routing, past logging, authentication and the
        // rest, so probes stay cheap and a replica scaled from zero reports ready without first
        // building the JWT validation stack.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .ShortCircuit()
            .ExcludeFromDescription();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous()
            .ShortCircuit()
            .ExcludeFromDescription();
        return app;
    }
}
