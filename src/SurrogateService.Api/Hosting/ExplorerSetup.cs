namespace SurrogateService.Api.Hosting;

/// <summary>
/// The explorer page at <c>GET /</c>: static files from wwwroot (plain HTML, CSS and JavaScript),
/// anonymous like Swagger UI; everything it shows comes from the /v1 API, which keeps its own auth.
/// </summary>
public static class ExplorerSetup
{
    public static WebApplication UseExplorerPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
