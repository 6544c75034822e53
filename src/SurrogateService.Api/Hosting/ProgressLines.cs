using Microsoft.OpenApi;
using SurrogateService.Api.Contracts;
using SurrogateService.Api.Streaming;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Endpoint metadata: with <c>Accept: application/x-ndjson</c> the 200 response is a stream of
/// <paramref name="Progress"/> lines, then a result line holding <paramref name="Result"/> (or an
/// error line). See <see cref="ProgressStreamResult"/>.
/// </summary>
public sealed record ProgressLines(Type Progress, Type Result)
{
    /// <summary>The operation description that says how to ask for progress and what comes.</summary>
    public static string Description(string progressLines) =>
        $"With `Accept: {ProgressStreamResult.MediaType}` the answer streams as it happens: {progressLines}, " +
        "then `{\"type\":\"result\",\"result\":…}` with the plain JSON response, or `{\"type\":\"error\",\"problem\":…}` " +
        "if the request is refused after the stream began (e.g. data the kind cannot fit). Closing the connection stops the work. " +
        "Without that Accept header the answer is the plain JSON response.";
}

/// <summary>Adds the application/x-ndjson media type of <see cref="ProgressLines"/> to the 200 response: one line is one of the line schemas.</summary>
internal sealed class ProgressLinesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var lines = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ProgressLines>().FirstOrDefault();
        if (lines is null || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        var generator = context.SchemaGenerator;
        var repository = context.SchemaRepository;
        var resultLine = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "type", "result" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("result")] },
                ["result"] = generator.GenerateSchema(lines.Result, repository),
            },
        };
        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content[ProgressStreamResult.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Description = "One JSON object per line, told apart by `type`.",
                OneOf = [generator.GenerateSchema(lines.Progress, repository), resultLine, generator.GenerateSchema(typeof(ProgressErrorLine), repository)],
            },
        };
    }
}
