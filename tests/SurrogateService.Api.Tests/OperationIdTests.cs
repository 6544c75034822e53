using System.Text.Json;
using SurrogateService.Api.Tests.Infrastructure;

namespace SurrogateService.Api.Tests;

/// <summary>Client generators name their methods after operationId: every operation has one, and no two share it.</summary>
public class OperationIdTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_operation_has_its_own_operation_id()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();

        Assert.NotEmpty(operations);
        var unnamed = operations.Where(o => !o.Value.TryGetProperty("operationId", out _)).Select(o => o.Name).ToList();
        Assert.True(unnamed.Count == 0, "No operationId: " + string.Join(", ", unnamed));
        var ids = operations.Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
