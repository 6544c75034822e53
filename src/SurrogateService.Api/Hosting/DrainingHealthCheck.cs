using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SurrogateService.Api.Hosting;

/// <summary>Readiness turns unhealthy once shutdown begins, so the ingress stops sending new work to a replica being scaled in.</summary>
internal sealed class DrainingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy());
}
