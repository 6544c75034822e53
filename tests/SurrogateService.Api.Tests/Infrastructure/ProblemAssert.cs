using System.Net;
using System.Text.Json;

namespace SurrogateService.Api.Tests.Infrastructure;

/// <summary>Asserts that a response is a 400 problem+json whose errors name a given field.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsValidationProblemAsync(HttpResponseMessage response, string field)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal(400, root.GetProperty("status").GetInt32());
        var errors = root.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {body}");
        Assert.True(messages.GetArrayLength() > 0);
        return root;
    }

    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response, string field)
    {
        var root = await IsValidationProblemAsync(response, field);
        return root.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}
