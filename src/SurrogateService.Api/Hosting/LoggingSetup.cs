using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace SurrogateService.Api.Hosting;

/// <summary>Serilog wiring: readable console text in Development, compact JSON elsewhere (what log collectors parse).</summary>
public static class LoggingSetup
{
    /// <summary>
    /// A console logger for failures before the host's own logger exists. The host builds a separate
    /// logger from configuration (preserveStaticLogger), rather than freezing a reloadable static one,
    /// so several hosts in one process (the integration tests) never race on shared logger state.
    /// </summary>
    public static void CreateBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

    private static readonly ConfigurationReaderOptions ConfigurationAssemblies =
        new(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(LoggerConfiguration).Assembly);

    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        bool development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                // Naming the assemblies spares Serilog a scan of every loaded assembly for
                // configuration methods, which costs a noticeable share of a cold start.
                .ReadFrom.Configuration(builder.Configuration, ConfigurationAssemblies)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (development)
                configuration.WriteTo.Console();
            else
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One structured line per request (method, path, status, elapsed) instead of the framework's chatter.</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // The host's logger, not the static start-up one (which the request logger would default to).
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        return app;
    }
}
