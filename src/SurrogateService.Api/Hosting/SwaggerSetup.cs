using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using SurrogateService.Api.Auth;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Swagger UI at /swagger with an "Authorize" button: a pasted bearer token always, and with Entra ID on
/// "sign in with Microsoft" (authorization code + PKCE, <see cref="BrowserSignIn"/>). The document is the
/// contract kept in openapi.yaml.
/// </summary>
public static class SwaggerSetup
{
    private const string BearerScheme = "bearer";
    private const string OAuth2Scheme = "oauth2";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = BrowserSignIn.FromConfiguration(configuration);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "SurrogateService",
                Version = "v1",
                Description = "Surrogate modelling as a service: sampling plans, benchmark functions, surrogate fits and predictions, optimisation, sensitivity, plots and a 2-D acoustic wave simulation.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = BearerScheme,
                BearerFormat = "JWT",
                Description = "An Azure AD access token for this API with the scope Surrogates.Invoke or the app role Surrogates.Invoke.All.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            // Non-nullable members are not null in the document either, and a generated client
            // learns which members it must send.
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<RequiredMembersSchemaFilter>();
            options.SchemaFilter<NullableItemsSchemaFilter>();
            if (signIn is not null)
                AddSignInScheme(options, signIn);
            options.DocumentFilter<LimitsDocumentFilter>();
            options.DocumentFilter<ServersAndTagsDocumentFilter>();
            options.OperationFilter<BinaryResponsesOperationFilter>();
            options.OperationFilter<ProgressLinesOperationFilter>();
            options.OperationFilter<Jobs.JobRouteOperationFilter>();
        });
        return services;
    }

    /// <summary>The OAuth2 scheme beside the bearer one; a separate requirement, so either of the two will do.</summary>
    private static void AddSignInScheme(SwaggerGenOptions options, BrowserSignIn signIn)
    {
        options.AddSecurityDefinition(OAuth2Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Sign in with Microsoft: authorization code with PKCE for the single-page client registration (no client secret).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = signIn.AuthorizationUrl,
                    TokenUrl = signIn.TokenUrl,
                    Scopes = new Dictionary<string, string> { [signIn.Scope] = "Call SurrogateService as the signed-in user." },
                },
            },
        });
        options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(OAuth2Scheme, document)] = [signIn.Scope],
        });
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        var signIn = BrowserSignIn.FromConfiguration(app.Configuration);
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "SurrogateService v1");
            options.DocumentTitle = "SurrogateService API";
            if (signIn?.ClientId is not null)
            {
                // A public client: PKCE instead of a secret. Its redirect URI is /swagger/oauth2-redirect.html.
                options.OAuthClientId(signIn.ClientId);
                options.OAuthUsePkce();
                options.OAuthScopes(signIn.Scope);
            }
        });
        return app;
    }

    /// <summary>Writes the configured request limits into the document, so a client reads them where it reads the contract.</summary>
    private sealed class LimitsDocumentFilter(IOptions<LimitsOptions> limits) : IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            // Listed from the options type itself, so a new limit is documented the moment it exists.
            var values = typeof(LimitsOptions).GetProperties()
                .Select(property => $"{property.Name} = {Convert.ToString(property.GetValue(limits.Value), CultureInfo.InvariantCulture)}");
            swaggerDoc.Info.Description +=
                $"\n\nLimits (configuration section `Limits`): {string.Join(", ", values)}. " +
                "Every client error is a 400 application/problem+json whose `errors` name the offending fields.";
        }
    }

    /// <summary>
    /// A relative server ("/": wherever the document was fetched from) so that client generators and
    /// linters have a base URL, and a sentence for each tag, the groups Swagger UI and clients show.
    /// </summary>
    private sealed class ServersAndTagsDocumentFilter : IDocumentFilter
    {
        private static readonly (string Name, string Description)[] Tags =
        [
            ("Functions", "Benchmark functions (Branin first): domains, known minima, batch evaluation."),
            ("Optimization", "Surrogate optimisation: ask–tell suggestions for the client's own function, whole runs on built-in functions."),
            ("Plots", "PNG figures: a function with samples, a surrogate against its truth, an optimisation run."),
            ("Sampling", "Sampling plans in a box: Sobol, Halton, Latin hypercube and more."),
            ("Sensitivity", "Sobol' sensitivity indices of a surrogate, with bootstrap confidence intervals."),
            ("Simulations", "The 2-D acoustic wave (ParallelStencil's acoustic2D miniapp) as JSON, .npy, PNG or GIF."),
            ("Surrogates", "Surrogate kinds, fits to portable model documents, predictions and integrals."),
        ];

        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "This service, where the document was fetched from." }];
            swaggerDoc.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        }
    }
}
