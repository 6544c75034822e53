using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Endpoint metadata: besides its JSON body, a 200 response may come as these binary media types.
/// (Minimal APIs keep one response type per status code, so the JSON schema and the binary
/// alternatives cannot both be declared with <c>Produces</c>.)
/// </summary>
public sealed record BinaryResponses(params string[] ContentTypes);

/// <summary>Adds the <see cref="BinaryResponses"/> media types, as binary strings, to the 200 response of the document.</summary>
internal sealed class BinaryResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var binary = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<BinaryResponses>().FirstOrDefault();
        if (binary is null || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (string contentType in binary.ContentTypes)
            response.Content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
    }
}
