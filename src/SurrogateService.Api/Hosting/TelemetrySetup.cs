using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set and to
/// Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set; with neither, nothing is registered,
/// so an unobserved service pays nothing.
/// </summary>
public static class TelemetrySetup
{
    public const string ActivitySourceName = "SurrogateService";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        bool azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        if (!otlp && !azureMonitor)
            return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !HealthSetup.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ServiceMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (otlp)
            telemetry.UseOtlpExporter();
        if (azureMonitor)
            telemetry.UseAzureMonitor();
        return builder;
    }
}
