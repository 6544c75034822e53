using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SurrogateService.Api.Hosting;

/// <summary>
/// Marks the items of an array member nullable when the C# element type is a nullable reference
/// (<c>double[]?[]</c>, as in <c>gradients</c>, where null stands for "unknown at this point"): the
/// schema generator only sees the nullability of value types, so clients would otherwise refuse a
/// null the service accepts and writes.
/// </summary>
internal sealed class NullableItemsSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
            return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (_nullability.Create(property).ElementType is not { ReadState: NullabilityState.Nullable } element || element.Type.IsValueType)
                continue;
            if (properties.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out var member)
                && member is OpenApiSchema { Items: OpenApiSchema items })
                items.Type |= JsonSchemaType.Null;
        }
    }
}
