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
            options.DocumentFilter<LimitsDocumentFilter>();
            options.OperationFilter<BinaryResponsesOperationFilter>();
            options.OperationFilter<ProgressLinesOperationFilter>();
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
}
