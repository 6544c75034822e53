using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Jobs;

/// <summary>Documents a route that runs as a job: the Prefer and Idempotency-Key headers it reads, and the headers of its 202.</summary>
internal sealed class JobRouteOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<JobRoute>().Any())
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = JobSubmission.PreferHeader,
            In = ParameterLocation.Header,
            Description = "`respond-async` (RFC 7240) runs the request as a job: 202 Accepted with Location of the job, after the same validation (with the job limits, `Limits:Job*`).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = JobSubmission.IdempotencyKeyHeader,
            In = ParameterLocation.Header,
            Description = "With Prefer: respond-async, a key of the caller's choosing: a retried POST with the same key and body returns the same job (another body: 422).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
        });
        if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted is OpenApiResponse response)
        {
            response.Description = "Accepted as a job (Prefer: respond-async); poll Location.";
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Location"] = new OpenApiHeader { Description = "The job: /v1/jobs/{id}.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before polling.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }
    }
}
