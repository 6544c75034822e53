using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Hosting;

/// <summary>Swagger UI at /swagger with an "Authorize" button for a bearer token; the document is the contract kept in openapi.yaml.</summary>
public static class SwaggerSetup
{
    private const string BearerScheme = "bearer";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
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
            options.DocumentFilter<LimitsDocumentFilter>();
            options.DocumentFilter<ServersAndTagsDocumentFilter>();
            options.OperationFilter<BinaryResponsesOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "SurrogateService v1");
            options.DocumentTitle = "SurrogateService API";
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
