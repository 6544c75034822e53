namespace SurrogateService.Api.Auth;

/// <summary>
/// Tells the explorer page how to sign in: <c>GET /explorer/sign-in</c> answers the single-page client
/// id, the tenant's endpoints and the scope (nothing secret: a public client has no secret), or 404
/// when no single-page registration is configured. Anonymous and not part of the API description.
/// </summary>
public static class BrowserSignInSetup
{
    public const string SettingsPath = "/explorer/sign-in";

    public static WebApplication MapBrowserSignIn(this WebApplication app)
    {
        var signIn = BrowserSignIn.FromConfiguration(app.Configuration);
        app.MapGet(SettingsPath, () => signIn?.ClientId is null
                ? Results.NotFound()
                : Results.Ok(new
                {
                    clientId = signIn.ClientId,
                    authorizationUrl = signIn.AuthorizationUrl,
                    tokenUrl = signIn.TokenUrl,
                    scope = signIn.Scope,
                }))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
