using SurrogateService.Api.Auth;
using SurrogateService.Api.Endpoints;

namespace SurrogateService.Api.Hosting;

/// <summary>The whole service in two calls, so Program.cs stays a table of contents.</summary>
public static class ServiceSetup
{
    public static WebApplicationBuilder AddSurrogateService(this WebApplicationBuilder builder)
    {
        builder.AddSerilogLogging();
        builder.AddSurrogateAuthentication();
        builder.Services.AddOptions<LimitsOptions>()
            .Bind(builder.Configuration.GetSection(LimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProblemResponses();
        builder.Services.AddProbes();
        builder.Services.AddApiDocumentation();
        return builder;
    }

    public static WebApplication MapSurrogateService(this WebApplication app)
    {
        // Request logging outermost, so it records the status the client finally got.
        app.UseRequestLogging();
        app.UseProblemResponses();
        app.UseApiDocumentation();
        app.UseAuthentication();
        app.UseAuthorization();
        app.WarnIfAuthenticationDisabled();

        app.MapProbes();
        var v1 = app.MapGroup("/v1")
            .RequireAuthorization(AuthenticationSetup.InvokePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        v1.MapFunctions();
        v1.MapSamples();
        v1.MapSurrogates();
        v1.MapSimulations();
        return app;
    }
}
