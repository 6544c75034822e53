using SurrogateService.Api.Auth;
using SurrogateService.Api.Endpoints;
using SurrogateService.Api.Jobs;
using SurrogateService.Api.Models;
using SurrogateService.Api.Storage;
using SurrogateService.Api.UmBridge;

namespace SurrogateService.Api.Hosting;

/// <summary>The whole service in two calls, so Program.cs stays a table of contents.</summary>
public static class ServiceSetup
{
    /// <summary>How long in-flight requests may finish after SIGTERM; below the container app's 30 s termination grace period.</summary>
    public const int DefaultShutdownTimeoutSeconds = 25;

    public static WebApplicationBuilder AddSurrogateService(this WebApplicationBuilder builder)
    {
        // First, so that it runs on the second core while the rest is built (NumericWarmUp's remarks).
        var warmUp = NumericWarmUp.Start(builder);
        try
        {
            AddServices(builder);
        }
        catch
        {
            // A configuration the set-up refuses stops the start; the warm-up would otherwise run on to its bound.
            warmUp.Dispose();
            throw;
        }
        return builder;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        builder.AddSerilogLogging();
        builder.AddTelemetry();
        builder.AddHeavyWorkLimits();
        builder.AddUmBridge();
        builder.Services.AddWebSecurity(builder.Configuration);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout =
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", DefaultShutdownTimeoutSeconds)));
        builder.AddSurrogateAuthentication();
        builder.Services.AddOptions<LimitsOptions>()
            .Bind(builder.Configuration.GetSection(LimitsOptions.SectionName), LimitsOptions.RefuseUnknownKeys)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProblemResponses();
        builder.AddStorage();
        builder.Services.AddModelStore();
        builder.Services.AddSingleton<InlineFitGate>();
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddProbes();
        builder.Services.AddApiDocumentation(builder.Configuration);
    }

    public static WebApplication MapSurrogateService(this WebApplication app)
    {
        try
        {
            MapPipeline(app);
        }
        catch
        {
            // Middleware reads its options here (a limit out of its range fails now), and the caller does not
            // dispose the host on the way out, so stop the warm-up here. A failed start disposes the host, and with it
            // the warm-up (NumericWarmUp.Dispose).
            app.Services.GetRequiredService<NumericWarmUp.Run>().Dispose();
            throw;
        }
        return app;
    }

    private static void MapPipeline(WebApplication app)
    {
        // Request logging outermost, so it records the status the client finally got.
        app.UseRequestLogging();
        app.UseProblemResponses();
        app.UseWebSecurity();
        app.UseBodySizeLimit();
        app.UseApiDocumentation();
        app.UseExplorerPage();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHeavyWorkLimits();
        app.WarnIfAuthenticationDisabled();
        app.UseStorage();

        app.MapProbes();
        app.MapBrowserSignIn();
        var v1 = app.MapGroup("/v1")
            .RequireAuthorization(AuthenticationSetup.InvokePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        v1.MapFunctions();
        v1.MapSamples();
        v1.MapSurrogates();
        v1.MapSurrogatesMultipart();
        v1.MapSimulations();
        v1.MapPlots();
        v1.MapOptimization();
        v1.MapSensitivity();
        v1.MapModels();
        v1.MapJobs();
    }
}
