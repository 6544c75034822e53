using SurrogateService.Api.Auth;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Browser-facing hardening: CORS only for the origins configured in <c>Cors:AllowedOrigins</c>
/// (none by default), and security headers on every response, with a strict content security policy
/// on the explorer page (Swagger UI's own page needs inline scripts, so it is left to its defaults);
/// with browser sign-in configured the page may also call the sign-in host to redeem its code.
/// </summary>
public static class WebSecuritySetup
{
    private const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        string[] origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST");
        }));
        return services;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var signIn = BrowserSignIn.FromConfiguration(app.Configuration);
        string connectSources = signIn?.ClientId is null ? "'self'" : $"'self' {signIn.AuthorityOrigin}";
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!context.Request.Path.StartsWithSegments("/swagger"))
            {
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src {connectSources}; frame-ancestors 'none'";
            }
            return next(context);
        });
        app.UseCors(CorsPolicy);
        return app;
    }
}
